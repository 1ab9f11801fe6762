package org.chengxin.inquiry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.util.HexFormat;

import org.chengxin.inquiry.CreditReport;
import org.chengxin.inquiry.ReportFixture;
import org.chengxin.inquiry.internal.ReportPdf;
import org.chengxin.support.ApiContract;
import org.chengxin.support.ChengxinIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/** 报告核验: anyone checks a code and the file against what was issued; only the masked number is shown. */
@ChengxinIntegrationTest
class VerificationPageIntegrationTests {

    /** A full ID number, as a pattern: none may appear on the page. */
    private static final String FULL_ID = "\\d{6}(19|20)\\d{9}[\\dXx]";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReportPdf reportPdf;

    MockMvc mvc;
    byte[] pdf;

    @BeforeEach
    void issue() throws Exception {
        mvc = ApiContract.mockMvc(context);
        CreditReport report = ReportFixture.withFiftyRecords();
        pdf = reportPdf.render(report, "http://localhost/verify");
        jdbc.sql("delete from inquiry_report where report_number = :n").param("n", report.reportNumber()).update();
        long query = jdbc.sql("""
                insert into inquiry_query (subject_index, masked_id, kind, organization, actor, purpose, refused, report_number, queried_at)
                values (:index, :masked, 'SELF', '本人', 'verification-test', '核验测试', false, :n, :at) returning id""")
                .param("index", "synthetic-subject-index".getBytes(StandardCharsets.UTF_8)).param("masked", report.subject().maskedIdNumber())
                .param("n", report.reportNumber()).param("at", Timestamp.from(report.issuedAt())).query(Long.class).single();
        jdbc.sql("""
                insert into inquiry_report (report_number, verification_code, issued_at, valid_until, subject_index, masked_id, scope,
                                            content_sha256, pdf_sha256, query_id, content)
                values (:n, :c, :at, :until, :index, :masked, :scope, :content, :pdf, :query, '{}')""")
                .param("n", report.reportNumber()).param("c", report.verificationCode())
                .param("at", Timestamp.from(report.issuedAt())).param("until", report.validUntil())
                .param("index", "synthetic-subject-index".getBytes(StandardCharsets.UTF_8)).param("masked", report.subject().maskedIdNumber())
                .param("scope", report.scope()).param("content", report.contentHash()).param("pdf", sha256(pdf)).param("query", query)
                .update();
    }

    @Test
    void theQrCodeLinkShowsTheIssuedReportWithoutLogin() throws Exception {
        String page = page(mvc.perform(get("/verify").param("code", ReportFixture.CODE.toLowerCase())).andReturn().getResponse());
        assertThat(page).contains(ReportFixture.NUMBER, ReportFixture.MASKED_ID, "2026-04-14", "公开信息＋授权查询信息", "2026-03-15 14:30:00")
                .doesNotContain(ReportFixture.RARE_NAME).doesNotContainPattern(FULL_ID);
    }

    @Test
    void theFileIssuedMatches() throws Exception {
        String page = post(ReportFixture.CODE, new MockMultipartFile("file", "report.pdf", "application/pdf", pdf));
        assertThat(page).contains("一致（文件未被篡改）", ReportFixture.NUMBER, ReportFixture.MASKED_ID).doesNotContain("不一致").doesNotContainPattern(FULL_ID);
    }

    @Test
    void aFileWithOneByteChangedDoesNotMatch() throws Exception {
        byte[] tampered = pdf.clone();
        tampered[tampered.length / 2] ^= 1;
        String page = post(ReportFixture.CODE, new MockMultipartFile("file", "report.pdf", "application/pdf", tampered));
        assertThat(page).contains("不一致（文件与平台签发的不符，可能已被修改）").doesNotContain("一致（文件未被篡改）").doesNotContainPattern(FULL_ID);
    }

    @Test
    void anUnknownCodeIsNotFound() throws Exception {
        assertThat(post("ZZZZZZZZZZZZ", null)).contains("未找到该核验码").doesNotContain(ReportFixture.NUMBER);
        assertThat(page(mvc.perform(get("/verify").param("code", "NOPE")).andReturn().getResponse())).contains("未找到该核验码");
    }

    @Test
    void aFileThatIsNoPdfIsRefusedWithACode() throws Exception {
        String page = post(ReportFixture.CODE, new MockMultipartFile("file", "photo.png", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 1, 2 }));
        assertThat(page).contains("不是 PDF 文件", "VERIFY_NOT_PDF").doesNotContain("一致（");
    }

    @Test
    void aFileOverTenMegabytesIsRefusedWithACode() throws Exception {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        String page = post(ReportFixture.CODE, new MockMultipartFile("file", "report.pdf", "application/pdf", big));
        assertThat(page).contains("VERIFY_FILE_TOO_LARGE").doesNotContain("一致（");
    }

    @Test
    void theFormAsksForACode() throws Exception {
        assertThat(page(mvc.perform(get("/verify")).andReturn().getResponse())).contains("核验码", "name=\"_csrf\"")
                .doesNotContain("未找到");
        assertThat(post(" ", null)).contains("VERIFY_CODE_REQUIRED");
    }

    @Test
    void thePostNeedsItsCsrfToken() throws Exception {
        int status = mvc.perform(multipart("/verify").param("code", ReportFixture.CODE)).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
    }

    private String post(String code, MockMultipartFile file) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/verify");
        if (file != null) {
            request.file(file);
        }
        var response = mvc.perform(request.param("code", code).with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return page(response);
    }

    private static String page(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
