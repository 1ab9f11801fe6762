package org.chengxin.remedies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chengxin.catalog.Catalog;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.lists.SeriousDishonestyListAccess;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.remedies.domain.Channel;
import org.chengxin.remedies.domain.ObjectionStatus;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.support.ApiContract;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/**
 * The remedies pages: a citizen objects to a record with a real PNG and sees it under screening and the record
 * marked on their credit page; is refused (on the form, never a 500) for another person's record and for a file
 * that only claims to be a PNG; is told the earliest day when applying for repair too early, and can apply once
 * it has come; downloads the commitment letter filled in for them; a window clerk files for a person present only
 * with the presence confirmed. Pages are asked yes/no questions only, so no assertion message can print a full
 * (synthetic) ID number; the clerk's pages carry it in a hidden field by design.
 */
@ChengxinIntegrationTest
class RemediesPagesIntegrationTests {

    private static final String NAME = "名单测试";
    private static final String PENALTY = "YY-GN-002";
    private static final String TAX = "YY-TX-001";

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Citizens citizens;

    @Autowired
    PopulationRegister register;

    @Autowired
    Records records;

    @Autowired
    Objections objections;

    @Autowired
    Catalog catalog;

    @Autowired
    MutableClock clock;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = ApiContract.mockMvc(context);
    }

    @Test
    void aCitizenObjectsWithAPngAndSeesTheObjectionUnderScreeningAndTheRecordMarkedOnTheirCreditPage() throws Exception {
        Person p = personWithPenalty();
        byte[] png = png();

        MockHttpServletResponse filed = send(multipart("/my/objections").file(new MockMultipartFile("files", "收据.png", "image/png", png))
                .param("recordId", String.valueOf(p.recordId())).param("field", "penaltyResult")
                .param("grounds", "罚款金额登记有误，实际为 200 元").param("requestedValue", "罚款200元"), p.auth());
        assertThat(filed.getStatus()).isEqualTo(302);
        assertThat(filed.getRedirectedUrl()).isEqualTo("/my/objections");

        String page = body(get("/my/objections"), p.auth());
        assertThat(page).contains("平台初审中", "罚款金额登记有误", "收据.png", "答复期限");
        assertThat(records.find(p.recordId()).orElseThrow().status().name()).isEqualTo("OBJECTED");
        long attachment = Long.parseLong(match(page, "/my/objections/attachments/(\\d+)"));
        MockHttpServletResponse download = send(get("/my/objections/attachments/" + attachment), p.auth());
        assertThat(download.getContentType()).isEqualTo("image/png");
        assertThat(download.getContentAsByteArray()).isEqualTo(png);

        assertThat(body(get("/my/credit"), p.auth())).contains("<td>异议中</td>");
    }

    @Test
    void aCitizenCannotObjectToAnotherPersonsRecordAndIsToldSoOnTheForm() throws Exception {
        Person owner = personWithPenalty();
        Person other = personWithPenalty();

        MockHttpServletResponse answer = send(multipart("/my/objections").param("recordId", String.valueOf(owner.recordId()))
                .param("grounds", "不是我的记录"), other.auth());

        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getContentAsString()).contains("id=\"form-error\"", "RECORD_NOT_FOUND", "记录不存在或不是关于您的记录");
        assertThat(records.find(owner.recordId()).orElseThrow().status().name()).isEqualTo("ACTIVE");
        assertThat(objections.ofPerson(citizens.findById(owner.subjectId()).orElseThrow())).isEmpty();
    }

    @Test
    void aFileThatOnlyClaimsToBeAPngIsRefusedOnTheFormWithWhatWasTypedKept() throws Exception {
        Person p = personWithPenalty();

        MockHttpServletResponse answer = send(multipart("/my/objections")
                .file(new MockMultipartFile("files", "照片.png", "image/png", "这不是图片".getBytes(StandardCharsets.UTF_8)))
                .param("recordId", String.valueOf(p.recordId())).param("grounds", "事实认定有误，附照片为证"), p.auth());

        assertThat(answer.getStatus()).isEqualTo(200);
        String page = answer.getContentAsString();
        assertThat(page).contains("ATTACHMENT_TYPE_NOT_ALLOWED", "附件只能是 PDF、JPEG 或 PNG 文件", "事实认定有误，附照片为证",
                "id=\"objection-form\"");
        assertThat(records.find(p.recordId()).orElseThrow().status().name()).isEqualTo("ACTIVE");
    }

    @Test
    void repairAskedBeforeTheMinimumPeriodIsRefusedWithTheEarliestDayAndTakenOnceItHasCome() throws Exception {
        Person p = personWithTax();
        CreditRecord tax = records.find(p.recordId()).orElseThrow();
        String earliest = tax.minPeriodEnd().toString();
        assertThat(body(get("/my/repairs"), p.auth())).contains("id=\"earliest-" + p.recordId() + "\"", earliest);

        String refused = body(repairForm(p), p.auth());
        assertThat(refused).contains("REPAIR_TOO_EARLY", "自 " + earliest + " 起方可申请信用修复", "税款已全部补缴");

        clock.set(tax.minPeriodEnd().plusDays(1).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        try {
            MockHttpServletResponse taken = send(repairForm(p), p.auth());
            assertThat(taken.getStatus()).isEqualTo(302);
            assertThat(body(get("/my/repairs"), p.auth())).contains("认定部门审核中", "网上确认承诺", "缴款凭证.pdf");
        } finally {
            clock.reset();
        }
    }

    @Test
    void theCommitmentLetterIsFilledInWithThePersonAndTheRecordButNotTheFullNumber() throws Exception {
        Person p = personWithTax();
        CreditRecord tax = records.find(p.recordId()).orElseThrow();

        MockHttpServletResponse pdf = send(get("/my/repairs/commitment.pdf").param("record", String.valueOf(p.recordId())), p.auth());

        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
        boolean fullNumber = text.contains(p.number().value());
        assertThat(fullNumber).as("the letter must not carry the full ID number").isFalse();
        assertThat(text.contains(p.number().masked().replace(" ", ""))).as("the letter carries the masked ID number").isTrue();
        assertThat(text).contains("信用承诺书", "承诺人：" + NAME, catalog.item(TAX).orElseThrow().name(), tax.documentNumber(), tax.decisionDate().toString(),
                "本人郑重承诺：已履行相关法定义务、纠正失信行为", "如有虚假承诺", "承诺人（签字）", "日期：");

        Person other = personWithTax();
        assertThat(send(get("/my/repairs/commitment.pdf").param("record", String.valueOf(p.recordId())), other.auth()).getStatus())
                .isEqualTo(404);
    }

    @Test
    void aClerkFilesForAPersonPresentOnlyWithTheirNameMatchingAndThePresenceConfirmed() throws Exception {
        Person p = personWithPenalty();
        Authentication clerk = TestPrincipal.of(Role.CLERK, fixtures.department());

        String wrongName = body(post("/window/remedies/person").param("idNumber", p.number().value()).param("name", "别人"), clerk);
        assertThat(wrongName).contains("WINDOW_NAME_MISMATCH", "id=\"person-form\"");

        String records = body(post("/window/remedies/person").param("idNumber", p.number().value()).param("name", NAME), clerk);
        assertThat(records).contains("id=\"record-" + p.recordId() + "\"", "id=\"object-" + p.recordId() + "\"");

        String absent = body(windowObjection(p).param("grounds", "处罚对象登记错误"), clerk);
        assertThat(absent).contains("WINDOW_PERSON_NOT_PRESENT", "处罚对象登记错误", "id=\"objection-form\"");
        assertThat(objections.ofPerson(citizens.findById(p.subjectId()).orElseThrow())).isEmpty();

        String done = body(windowObjection(p).param("grounds", "处罚对象登记错误").param("personPresent", "true"), clerk);
        assertThat(done).contains("id=\"notice\"", "已代为提出异议");
        assertThat(objections.ofPerson(citizens.findById(p.subjectId()).orElseThrow())).singleElement()
                .satisfies(o -> {
                    assertThat(o.channel()).isEqualTo(Channel.WINDOW);
                    assertThat(o.status()).isEqualTo(ObjectionStatus.SCREENING);
                });
        assertThat(body(get("/my/objections"), p.auth())).contains("平台初审中", "处罚对象登记错误");
    }

    @Test
    void theCitizenAndTheClerkFindTheirWayFromTheirHomePages() throws Exception {
        Person p = personWithPenalty();
        assertThat(body(get("/home"), p.auth())).contains("href=\"/my/objections\"", "href=\"/my/repairs\"");
        assertThat(body(get("/home"), TestPrincipal.of(Role.CLERK, fixtures.department()))).contains("href=\"/window/remedies\"");
        assertThat(send(get("/window/remedies"), p.auth()).getStatus()).isEqualTo(403);
        assertThat(send(get("/my/objections"), TestPrincipal.of(Role.CLERK, fixtures.department())).getStatus()).isEqualTo(403);
    }

    private AbstractMockHttpServletRequestBuilder<?> windowObjection(Person p) {
        return multipart("/window/remedies/objection").param("idNumber", p.number().value()).param("name", NAME)
                .param("recordId", String.valueOf(p.recordId()));
    }

    private AbstractMockHttpServletRequestBuilder<?> repairForm(Person p) throws IOException {
        return multipart("/my/repairs").file(new MockMultipartFile("files", "缴款凭证.pdf", "application/pdf", pdf()))
                .param("recordId", String.valueOf(p.recordId())).param("fulfilment", "税款已全部补缴，罚款已缴清")
                .param("commitOnline", "true");
    }

    private record Person(IdNumber number, long subjectId, long recordId, Authentication auth) {
    }

    /** A citizen with a general administrative penalty (YY-GN-002) decided 20 days ago. */
    private Person personWithPenalty() {
        return person(PENALTY, "{\"penaltyType\":\"罚款\",\"facts\":\"未按规定公示年度报告\",\"penaltyResult\":\"罚款500元\","
                + "\"authority\":\"岳阳市市场监督管理局\"}", fixtures.apiClient("records:write"));
    }

    /** A citizen with a serious tax-evasion record (YY-TX-001) decided 15 days ago: repairable only after its minimum period. */
    private Person personWithTax() {
        return person(TAX, "{\"facts\":\"少缴税款\",\"penaltyResult\":\"追缴并罚款\",\"evadedAmount\":\"120000\",\"authority\":\"税务局\"}",
                fixtures.apiClientOf("swj", "records:write"));
    }

    private Person person(String itemCode, String content, String client) {
        Http http = new Http(port);
        IdNumber number = fixtures.citizenWithAccount();
        register.register(number, NAME, "测试");
        String token = http.token(client, Fixtures.PASSWORD, "records:write");
        SeriousDishonestyListAccess.pushSerious(http, token, number, itemCode, "remedies-" + UUID.randomUUID(), itemCode.equals(TAX) ? 15 : 20,
                content);
        SubjectKey subject = citizens.subjectKeyOf(number);
        long subjectId = citizens.find(number).orElseThrow().id();
        long recordId = records.allFor(subject).stream().filter(r -> r.itemCode().equals(itemCode)).findFirst().orElseThrow().id();
        return new Person(number, subjectId, recordId, citizen(number, subjectId));
    }

    /** A logged-in citizen, as the login makes one. */
    private static Authentication citizen(IdNumber number, long subjectId) {
        record Citizen(String displayName, Long subjectId) implements ChengxinPrincipal {
            @Override
            public Role role() {
                return Role.CITIZEN;
            }

            @Override
            public DepartmentCode departmentCode() {
                return null;
            }
        }
        return UsernamePasswordAuthenticationToken.authenticated(new Citizen(number.masked(), subjectId), null,
                List.of(new SimpleGrantedAuthority("ROLE_CITIZEN")));
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xB3261E);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] pdf() throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static String match(String page, String regex) {
        Matcher m = Pattern.compile(regex).matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> request, Authentication who) throws Exception {
        return mvc.perform(request.with(csrf()).with(authentication(who))).andReturn().getResponse();
    }

    private String body(AbstractMockHttpServletRequestBuilder<?> request, Authentication who) throws Exception {
        MockHttpServletResponse response = send(request, who);
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
