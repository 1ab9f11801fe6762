package org.chengxin.remedies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.inquiry.CreditReport;
import org.chengxin.inquiry.CreditReports;
import org.chengxin.inquiry.ReportDocuments;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.RecordStatus;
import org.chengxin.records.Records;
import org.chengxin.remedies.Objections.Outcome;
import org.chengxin.remedies.domain.Commitment;
import org.chengxin.remedies.domain.Objection;
import org.chengxin.remedies.domain.ObjectionStatus;
import org.chengxin.remedies.domain.RepairApplication;
import org.chengxin.remedies.domain.RepairStatus;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Objections and repair through the use cases, against stored records: what each step does to the record. */
@ChengxinIntegrationTest
class RemediesIntegrationTests {

    private static final String PENALTY = "YY-GN-002";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Records records;

    @Autowired
    Citizens citizens;

    @Autowired
    Objections objections;

    @Autowired
    Repairs repairs;

    @Autowired
    RemedyFigures figures;

    @Autowired
    CreditReports reports;

    @Autowired
    ReportDocuments documents;

    @Autowired
    MutableClock clock;

    Http http;
    String department;
    String token;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        department = fixtures.department();
        token = http.token(fixtures.apiClientOf(department, "records:write"), Fixtures.PASSWORD, "records:write");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anObjectionMarksTheRecordAtOnceAndASecondOneOrARepairWaitsForItsAnswer() {
        Pushed p = pushed(LocalDate.now(clock).minusMonths(4));

        Objection filed = objections.file(p.person(), p.record().id(), "fineAmount", "罚款金额有误", "500",
                List.of(new Upload("凭证.png", "image/png", PNG)));

        assertThat(filed.status()).isEqualTo(ObjectionStatus.SCREENING);
        assertThat(records.find(p.record().id()).orElseThrow().status()).isEqualTo(RecordStatus.OBJECTED);
        assertThat(objections.attachmentsOf(filed.id())).extracting(Attachment::mediaType).containsExactly("image/png");
        assertThat(code(() -> objections.file(p.person(), p.record().id(), null, "再次提出", null, List.of())))
                .isEqualTo("OBJECTION_ALREADY_OPEN");
        assertThat(code(() -> repairs.apply(p.person(), p.record().id(), "罚款已缴清", null, Commitment.ONLINE,
                List.of(new Upload("缴款凭证.png", "image/png", PNG))))).isEqualTo("REPAIR_WHILE_OBJECTED");
    }

    @Test
    void theDeadlinesOfAnObjectionOverSpringFestivalAndARepairOverNationalDayCountTheAdministratorsCalendar() {
        // the records are pushed today (the catalog is in force from April 2026), the clock then moved to the day of filing
        Pushed objected = pushed(LocalDate.of(2025, 12, 20));
        Pushed repaired = pushed(LocalDate.of(2026, 5, 6));

        // the calendar of V32: 15–23 February 2026 off. Sunday 1 February + 20 calendar days = Saturday 21, in the holiday:
        // the period ends on Tuesday 24, not on Monday 23, which is off too
        clock.set(LocalDate.of(2026, 2, 1).atTime(10, 0).atZone(SHANGHAI).toInstant());
        Objection filed = objections.file(objected.person(), objected.record().id(), null, "该处罚决定已被复议撤销", null, List.of());
        assertThat(filed.dueOn()).isEqualTo(LocalDate.of(2026, 2, 24));

        // 1–7 October 2026 off, Saturday 10 October worked. Tuesday 29 September + 5 working days: Wednesday 30, Thursday 8,
        // Friday 9, Saturday 10, Monday 12 (on weekends alone: Tuesday 6)
        clock.set(LocalDate.of(2026, 9, 29).atTime(10, 0).atZone(SHANGHAI).toInstant());
        RepairApplication applied = repairs.apply(repaired.person(), repaired.record().id(), "罚款已缴清", null, Commitment.ONLINE,
                List.of(new Upload("缴款凭证.png", "image/png", PNG)));
        assertThat(applied.dueOn()).isEqualTo(LocalDate.of(2026, 10, 12));
    }

    @Test
    void aBadAttachmentLeavesNoObjectionAndTheRecordUndisputed() {
        Pushed p = pushed(LocalDate.now(clock).minusMonths(1));

        assertThat(code(() -> objections.file(p.person(), p.record().id(), null, "不是我", null,
                List.of(new Upload("fake.png", "image/png", "not an image".getBytes()))))).isEqualTo("ATTACHMENT_TYPE_NOT_ALLOWED");

        assertThat(records.find(p.record().id()).orElseThrow().status()).isEqualTo(RecordStatus.ACTIVE);
        assertThat(objections.ofPerson(p.person())).isEmpty();
    }

    @Test
    void nobodyObjectsToARecordAboutSomeoneElse() {
        Pushed p = pushed(LocalDate.now(clock).minusMonths(1));
        CitizenRef other = citizens.enroll(fixtures.syntheticIdNumber());

        assertThat(code(() -> objections.file(other, p.record().id(), null, "不是我", null, List.of()))).isEqualTo("RECORD_NOT_FOUND");
    }

    @Test
    void aCorrectionDecidedOnAnObjectionIsTheNextVersionWithTheOldOneKeptAndTheFiguresCountIt() {
        Pushed p = pushed(LocalDate.now(clock).minusMonths(1));
        Objection filed = objections.file(p.person(), p.record().id(), "fineAmount", "罚款金额有误", "500", List.of());
        objections.accept(filed.id());

        Objection corrected = objections.decide(DepartmentCode.of(department), filed.id(), Outcome.CORRECT, "金额录入错误，已核对处罚决定书", "500");

        assertThat(corrected.status()).isEqualTo(ObjectionStatus.CORRECTED);
        CreditRecord after = records.find(p.record().id()).orElseThrow();
        assertThat(after.status()).isEqualTo(RecordStatus.ACTIVE);
        assertThat(after.version()).isEqualTo(p.record().version() + 1);
        assertThat(after.content().get("fineAmount")).isEqualTo("500");
        assertThat(records.versionsOf(after.id())).extracting(v -> v.content().get("fineAmount"))
                .containsExactly("1000", "500");
        assertThat(figures.byDepartment()).filteredOn(f -> f.departmentCode().value().equals(department)).singleElement()
                .satisfies(f -> {
                    assertThat(f.objectionsReceived()).isEqualTo(1);
                    assertThat(f.objectionsCorrected()).isEqualTo(1);
                    assertThat(f.objectionsLate()).isZero();
                });
        assertThat(code(() -> objections.decide(DepartmentCode.of(fixtures.department()), filed.id(), Outcome.UPHOLD, "无误", null)))
                .as("another department").isEqualTo("OBJECTION_NOT_FOUND");
    }

    @Test
    void aGrantedRepairTakesTheRecordOutOfUseAndARefusedOneLeavesIt() {
        Pushed early = pushed(LocalDate.now(clock).minusMonths(1));
        assertThat(code(() -> repairs.apply(early.person(), early.record().id(), "罚款已缴清", null, Commitment.ONLINE,
                List.of(new Upload("缴款凭证.png", "image/png", PNG))))).isEqualTo("REPAIR_TOO_EARLY");
        Pushed p = pushed(LocalDate.now(clock).minusMonths(4));
        assertThat(repairs.eligibilityOf(p.person())).singleElement().satisfies(e -> assertThat(e.openToday()).isTrue());
        assertThat(code(() -> repairs.apply(p.person(), p.record().id(), "罚款已缴清", null, Commitment.ONLINE, List.of())))
                .isEqualTo("REPAIR_PROOF_REQUIRED");

        RepairApplication applied = repairs.apply(p.person(), p.record().id(), "罚款已缴清", "志愿服务 20 小时", Commitment.ONLINE,
                List.of(new Upload("缴款凭证.png", "image/png", PNG)));
        RepairApplication granted = repairs.decide(DepartmentCode.of(department), applied.id(), true, "已履行处罚决定，信用承诺已作出");

        assertThat(granted.status()).isEqualTo(RepairStatus.GRANTED);
        assertThat(records.findOfDepartment(p.record().id(), DepartmentCode.of(department)).orElseThrow().status()).isEqualTo(RecordStatus.REPAIRED);
        assertThat(records.inForceFor(p.record().subject())).isEmpty();
        assertThat(code(() -> repairs.decide(DepartmentCode.of(department), applied.id(), false, "再议"))).isEqualTo("REPAIR_ALREADY_DECIDED");
    }

    @Test
    void theCreditReportAndItsPdfMarkAnObjectedRecordAndLeaveARepairedOneOut() throws Exception {
        Pushed p = pushed(LocalDate.now(clock).minusMonths(4));
        String objectedSource = "rem-pdf-" + UUID.randomUUID();
        push(objectedSource, p.number(), LocalDate.now(clock).minusMonths(1), "", "800");
        CreditRecord objected = records.findBySource(DepartmentCode.of(department), objectedSource).orElseThrow();
        objections.file(p.person(), objected.id(), "fineAmount", "罚款金额有误", "500", List.of());
        RepairApplication applied = repairs.apply(p.person(), p.record().id(), "罚款已缴清", null, Commitment.ONLINE,
                List.of(new Upload("缴款凭证.png", "image/png", PNG)));
        repairs.decide(DepartmentCode.of(department), applied.id(), true, "已履行处罚决定，信用承诺已作出");

        CreditReport report = reports.ofMyself(p.person().id(), "本人查询");
        List<Long> shown = Stream.of(report.goodCredit(), report.dishonesty(), report.other()).flatMap(List::stream)
                .map(CreditReport.ReportRecord::recordId).toList();
        assertThat(shown).contains(objected.id()).doesNotContain(p.record().id());
        String text;
        try (PDDocument pdf = Loader.loadPDF(documents.pdf(report))) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertThat(text).contains("岳罚〔2026〕8号", "异议标注").as("the repaired record is out of the report")
                .doesNotContain("岳罚〔2026〕7号").doesNotContain(p.number().value());
    }

    @Test
    void volunteerAndCharityRecordsOfThePersonServeAsProofOfTheLocalWaysAndNoOneElsesDo() {
        Pushed p = pushed(LocalDate.now(clock).minusMonths(4));
        Pushed other = pushed(LocalDate.now(clock).minusMonths(4));
        IdNumber number = p.number();
        fixtures.departmentWithCode("tsw");
        fixtures.departmentWithCode("mzj");
        String hours = "{\"serviceHours\":\"36\",\"organizationName\":\"岳阳市青年志愿者协会\"}";
        CreditRecord volunteer = pushedGood("tsw", "YY-VL-002", number, hours);
        CreditRecord donation = pushedGood("mzj", "YY-VL-004", number,
                "{\"donationAmount\":\"2000\",\"recipientOrganization\":\"岳阳市慈善总会\",\"receiptNumber\":\"JZ-0001\"}");
        IdNumber otherNumber = other.number();
        CreditRecord someoneElses = pushedGood("tsw", "YY-VL-002", otherNumber, hours);

        assertThat(repairs.localWayRecordsOf(p.person())).extracting(Repairs.ProofRecord::recordId)
                .containsExactlyInAnyOrder(volunteer.id(), donation.id());
        List<Upload> receipt = List.of(new Upload("缴款凭证.png", "image/png", PNG));
        assertThat(code(() -> repairs.apply(p.person(), p.record().id(), "罚款已缴清", null, Commitment.ONLINE, receipt,
                List.of(volunteer.id(), someoneElses.id())))).isEqualTo("REPAIR_PROOF_RECORD_INVALID");
        assertThat(code(() -> repairs.apply(p.person(), p.record().id(), "罚款已缴清", null, Commitment.ONLINE, receipt,
                List.of(p.record().id())))).as("the penalty itself is no proof of a local way").isEqualTo("REPAIR_PROOF_RECORD_INVALID");

        RepairApplication applied = repairs.apply(p.person(), p.record().id(), "罚款已缴清", null, Commitment.ONLINE, receipt,
                List.of(donation.id(), volunteer.id()));

        assertThat(repairs.proofRecordsOf(applied.id())).extracting(Repairs.ProofRecord::itemName, Repairs.ProofRecord::summary)
                .containsExactlyInAnyOrder(
                        tuple("志愿服务记录", "累计服务时长（小时）：36；志愿服务组织名称：岳阳市青年志愿者协会"),
                        tuple("慈善捐赠记录", "捐赠金额（元）：2000；受赠慈善组织名称：岳阳市慈善总会；公益事业捐赠票据号码：JZ-0001"));
    }

    @Test
    void aRepairNoticeServedWithTheDecisionReachesThePersonAndAPushWithoutItDoesNotTakeItBack() {
        IdNumber person = fixtures.syntheticIdNumber();
        String source = "rem-notice-" + UUID.randomUUID();
        LocalDate decided = LocalDate.now(clock).minusMonths(1);
        push(source, person, decided, ",\"repairNotice\":true", "1000");

        CreditRecord served = records.findBySource(DepartmentCode.of(department), source).orElseThrow();
        assertThat(served.repairNotice()).isTrue();
        CitizenRef ref = citizens.find(person).orElseThrow();
        assertThat(repairs.eligibilityOf(ref)).singleElement().satisfies(e -> {
            assertThat(e.repairNotice()).isTrue();
            assertThat(e.openToday()).isFalse();
            assertThat(e.earliestDay()).isAfter(LocalDate.now(clock));
        });

        push(source, person, decided, "", "1200");
        CreditRecord corrected = records.findBySource(DepartmentCode.of(department), source).orElseThrow();
        assertThat(corrected.version()).isEqualTo(2);
        assertThat(corrected.repairNotice()).isTrue();

        Pushed without = pushed(decided);
        assertThat(without.record().repairNotice()).isFalse();
    }

    private void push(String source, IdNumber person, LocalDate decided, String extra, String fine) {
        Http.Response accepted = http.postJson("/api/v1/record-batches", token, "{\"records\":[{\"sourceId\":\"" + source
                + "\",\"itemCode\":\"" + PENALTY + "\",\"idNumber\":\"" + person.value() + "\",\"name\":\"周生命\",\"decisionDate\":\""
                + decided + "\",\"documentNumber\":\"岳罚〔2026〕8号\"" + extra + ",\"content\":{\"penaltyType\":\"罚款\","
                + "\"facts\":\"未按规定公示信息\",\"fineAmount\":\"" + fine + "\",\"penaltyResult\":\"罚款\",\"authority\":\"岳阳市市场监督管理局\"}}]}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode report = http.awaitBatch(token, accepted.json().get("id").asLong());
        assertThat(report.get("rejected").asInt()).as(report.toString()).isZero();
    }

    private CreditRecord pushedGood(String departmentCode, String item, IdNumber person, String content) {
        String source = "rem-good-" + UUID.randomUUID();
        String client = http.token(fixtures.apiClientOf(departmentCode, "records:write"), Fixtures.PASSWORD, "records:write");
        Http.Response accepted = http.postJson("/api/v1/record-batches", client, "{\"records\":[{\"sourceId\":\"" + source
                + "\",\"itemCode\":\"" + item + "\",\"idNumber\":\"" + person.value() + "\",\"name\":\"周生命\",\"decisionDate\":\""
                + LocalDate.now(clock).minusDays(10) + "\",\"documentNumber\":\"岳证〔2026〕1号\",\"content\":" + content + "}]}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode report = http.awaitBatch(client, accepted.json().get("id").asLong());
        assertThat(report.get("rejected").asInt()).as(report.toString()).isZero();
        return records.findBySource(DepartmentCode.of(departmentCode), source).orElseThrow();
    }

    private record Pushed(CitizenRef person, CreditRecord record, IdNumber number) {
    }

    private Pushed pushed(LocalDate decided) {
        IdNumber person = fixtures.syntheticIdNumber();
        String source = "rem-" + UUID.randomUUID();
        Http.Response accepted = http.postJson("/api/v1/record-batches", token, "{\"records\":[{\"sourceId\":\"" + source
                + "\",\"itemCode\":\"" + PENALTY + "\",\"idNumber\":\"" + person.value() + "\",\"name\":\"周生命\",\"decisionDate\":\""
                + decided + "\",\"documentNumber\":\"岳罚〔2026〕7号\",\"content\":{\"penaltyType\":\"罚款\",\"facts\":\"未按规定公示信息\","
                + "\"fineAmount\":\"1000\",\"penaltyResult\":\"罚款\",\"authority\":\"岳阳市市场监督管理局\"}}]}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode report = http.awaitBatch(token, accepted.json().get("id").asLong());
        assertThat(report.get("rejected").asInt()).as(report.toString()).isZero();
        return new Pushed(citizens.find(person).orElseThrow(), records.findBySource(DepartmentCode.of(department), source).orElseThrow(), person);
    }

    private static String code(Runnable action) {
        try {
            action.run();
        } catch (ChengxinException e) {
            return e.code();
        }
        throw new AssertionError("not refused");
    }
}
