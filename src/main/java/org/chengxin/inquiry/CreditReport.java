package org.chengxin.inquiry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.chengxin.shared.organization.DepartmentCode;

/**
 * The personal public credit report (个人公共信用信息报告), structured after the national report standard
 * (2022 edition) and the central bank's personal report: who it is about and for whom, the summary,
 * the records by kind with their objection notes and the person's statements, the query log of the
 * last two years, and what makes it verifiable. Names the person by masked number only.
 *
 * @param scope         what the requester may see: PUBLIC (公开), AUTHORIZED (公开 + 授权查询),
 *                      GOVERNMENT (政务共享) or SELF (本人查询)
 * @param contentHash   SHA-256 (hex) of the report's canonical JSON without this field, kept at issue
 */
public record CreditReport(String reportNumber, Instant issuedAt, LocalDate validUntil, String verificationCode, String scope,
        String scopeLabel, Subject subject, Requester requester, Summary summary, List<ReportRecord> goodCredit,
        List<ReportRecord> dishonesty, List<ReportRecord> other, List<QueryLine> queryLog, String contentHash) {

    /** The person: name and masked ID number. */
    public record Subject(String name, String maskedIdNumber) {
    }

    /** Who asked, for what, under which authorization. */
    public record Requester(String organization, String department, String clerk, String purpose, String queryKind,
            String authorization) {
    }

    /** Grade, points, lists and the flags. */
    public record Summary(String grade, String gradeLabel, int points, String modelVersion, boolean threeYearsClean,
            boolean disputed, List<String> lists, int goodCreditCount, int dishonestyCount, int otherCount) {
    }

    /**
     * A record as the report shows it.
     *
     * @param severity        the severity label of a dishonesty record (严重, 较重, 一般, 轻微), else null
     * @param lastDisclosed   the last day the record is disclosed
     * @param objectionNote   异议标注: set while the record is under objection
     * @param legalBasis      the decision's own legal basis where the record carries it, else the item's basis
     * @param statements      the person's own statements (本人声明) about the record
     * @param substance       what the decision was: facts, basis, kind, result, amount, authority and the other fields
     *                        (null in reports issued before it was kept)
     * @param collectionBasis the catalog item's legal basis for collecting the record (null in reports issued before)
     */
    public record ReportRecord(long recordId, String itemCode, String itemName, String severity, DepartmentCode departmentCode,
            String departmentName, LocalDate decisionDate, String documentNumber, String legalBasis, LocalDate lastDisclosed,
            String objectionNote, List<String> statements, Substance substance, String collectionBasis) {

        /** A record without its substance, as reports issued before it was kept show it. */
        public ReportRecord(long recordId, String itemCode, String itemName, String severity, DepartmentCode departmentCode,
                String departmentName, LocalDate decisionDate, String documentNumber, String legalBasis, LocalDate lastDisclosed,
                String objectionNote, List<String> statements) {
            this(recordId, itemCode, itemName, severity, departmentCode, departmentName, decisionDate, documentNumber, legalBasis,
                    lastDisclosed, objectionNote, statements, null, null);
        }
    }

    /**
     * What a record's decision was, as a national credit report shows it: each part null when the record does not
     * carry it.
     *
     * @param facts         事由：the facts (违法事实 …)
     * @param decisionBasis 决定依据：the decision's own legal basis
     * @param kind          类别：the kind of penalty (罚款 …)
     * @param result        处理结果：the content of the penalty or honour
     * @param amount        金额, labelled (罚款金额（元）：5000)
     * @param authority     决定机关
     * @param fields        every field of the record under its catalog label, the substance first
     */
    public record Substance(String facts, String decisionBasis, String kind, String result, String amount, String authority,
            List<Field> fields) {
    }

    /** One field of a record under its Chinese label. */
    public record Field(String label, String value) {
    }

    /**
     * One use of the person's data in the last two years: a report query, a credit-status query or a measure check.
     *
     * @param clerk   the clerk's real name or the system's name where the platform knows it
     * @param basis   the legal basis or authorization it rested on (null in reports issued before it was kept)
     * @param outcome what came of it in Chinese, a refusal with its reason (null in reports issued before)
     */
    public record QueryLine(Instant at, String organization, String department, String clerk, String purpose, String kind,
            boolean refused, String basis, String outcome) {
    }
}
