package org.chengxin.inquiry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.chengxin.inquiry.CreditReport.QueryLine;
import org.chengxin.inquiry.CreditReport.ReportRecord;
import org.chengxin.shared.organization.DepartmentCode;

/** Synthetic credit reports: made-up people, masked numbers only. */
public final class ReportFixture {

    public static final String MASKED_ID = "4306**********123X";
    public static final String CODE = "K7QF3M9T2WXA";
    public static final String NUMBER = "YYCR-20260315-000042";
    public static final String RARE_NAME = "𠮷岳示例";

    private static final String[] SEVERITIES = { "轻微", "一般", "较重", "严重" };

    private ReportFixture() {
    }

    /**
     * A person named with 𠮷 (CJK Extension B) with 50 records: 15 good-credit, 25 dishonesty of every severity and
     * 10 other; the first dishonesty record under objection, the second with a statement.
     */
    public static CreditReport withFiftyRecords() {
        List<ReportRecord> good = new ArrayList<>();
        List<ReportRecord> bad = new ArrayList<>();
        List<ReportRecord> other = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            LocalDate decided = LocalDate.of(2023, 1, 1).plusDays(i * 11L);
            String number = "岳市监罚〔2024〕" + (1000 + i) + "号";
            if (i <= 15) {
                good.add(record(i, "YY-GN-004", "诚信道德模范" + i, null, decided, number, null, List.of()));
            } else if (i <= 40) {
                String note = i == 16 ? "信息主体于2026年3月1日提出异议，正在核查中（异议编号 YY-OB-2026-0007）" : null;
                List<String> statements = i == 17 ? List.of("本人已于2025年12月全额缴纳罚款并完成整改，特此声明。") : List.of();
                bad.add(record(i, "YY-GN-002", "一般行政处罚" + i, SEVERITIES[i % 4], decided, number, note, statements));
            } else {
                other.add(record(i, "YY-QT-001", "志愿服务记录" + i, null, decided, number, null, List.of()));
            }
        }
        List<QueryLine> queries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            queries.add(new QueryLine(Instant.parse("2025-06-01T02:00:00Z").plusSeconds(86_400L * 30 * i), "岳阳市示例银行股份有限公司",
                    "信贷审批部", "柜员" + i, "贷款审批", "授权查询", i == 3, "在线授权 #" + i, i == 3 ? "已拒绝：所出示的授权已撤回或已过期" : "已出具"));
        }
        return new CreditReport(NUMBER, Instant.parse("2026-03-15T06:30:00Z"), LocalDate.of(2026, 4, 14), CODE, "AUTHORIZED",
                "公开信息＋授权查询信息", new CreditReport.Subject(RARE_NAME, MASKED_ID),
                new CreditReport.Requester("岳阳市示例银行股份有限公司", "信贷审批部", "张示例", "贷款审批", "授权查询",
                        "本人线上授权，有效期至2026-06-30"),
                new CreditReport.Summary("B", "一般", 870, "YY-2026.1", false, true, List.of("优良信用记录名单"), good.size(), bad.size(),
                        other.size()),
                good, bad, other, queries, "9f".repeat(32));
    }

    private static ReportRecord record(int i, String item, String name, String severity, LocalDate decided, String number,
            String objection, List<String> statements) {
        return new ReportRecord(i, item, name, severity, DepartmentCode.of("scjg"), "岳阳市市场监督管理局", decided, number,
                "《中华人民共和国行政处罚法》第二十八条、《湖南省社会信用信息管理办法》第十六条", decided.plusYears(3), objection, statements);
    }
}
