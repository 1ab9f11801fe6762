package org.chengxin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.assertj.core.groups.Tuple;
import org.chengxin.identity.PopulationRegister.NameMatch;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.TestPrincipal;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.context.WebApplicationContext;

/** The population register takes real files (UTF-8 with BOM, GBK), reports bad rows and checks names. */
@ChengxinIntegrationTest
class PopulationRegisterIntegrationTests {

    private static final Charset GBK = Charset.forName("GBK");

    @Autowired
    PopulationRegister register;

    @Autowired
    Citizens citizens;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditRecords audit;

    @Autowired
    WebApplicationContext context;

    @Test
    void importsAGbkFileDetectingItsEncodingAndChecksNames() {
        IdNumber a = fixtures.syntheticIdNumber();
        IdNumber b = fixtures.syntheticIdNumber();
        String csv = "身份证号,姓名\n" + a.value() + ",欧阳测试\n" + b.value().toLowerCase() + ",阿依·测试\n";

        RegisterImport result = register.importCsv(csv.getBytes(GBK), null, "GBK 测试");

        assertThat(result.rows()).isEqualTo(2);
        assertThat(result.imported()).isEqualTo(2);
        assertThat(result.rejected()).isEmpty();
        assertThat(register.checkName(a, "欧阳测试")).isEqualTo(NameMatch.MATCH);
        assertThat(register.checkName(a, " 欧阳 测试 ")).isEqualTo(NameMatch.MATCH);
        assertThat(register.checkName(a, "欧阳别人")).isEqualTo(NameMatch.MISMATCH);
        assertThat(register.checkName(b, "阿依•测试")).isEqualTo(NameMatch.MATCH);
        assertThat(register.checkName(fixtures.syntheticIdNumber(), "无名")).isEqualTo(NameMatch.NOT_REGISTERED);
    }

    @Test
    void importsUtf8WithBomAndReportsEveryBadRow() {
        IdNumber good = fixtures.syntheticIdNumber();
        String badCheck = good.value().substring(0, 17) + (good.value().charAt(17) == '1' ? '2' : '1');
        String csv = "\uFEFF姓名,公民身份号码\n" + "𠮷野家,"
                + good.value() + "\n" + "错号," + badCheck + "\n" + "," + fixtures.syntheticIdNumber().value() + "\n"
                + "多列,1,2\n";

        RegisterImport result = register.importCsv(csv.getBytes(StandardCharsets.UTF_8), null, "UTF-8 测试");

        assertThat(result.rows()).isEqualTo(4);
        assertThat(result.imported()).isEqualTo(1);
        assertThat(result.rejected()).extracting(RegisterImport.RejectedRow::row, RegisterImport.RejectedRow::code)
                .containsExactly(
                        Tuple.tuple(3L, "ID_BAD_CHECK_CHARACTER"),
                        Tuple.tuple(4L, "NAME_INVALID"),
                        Tuple.tuple(5L, "ROW_WRONG_COLUMN_COUNT"));
        assertThat(register.checkName(good, "𠮷野家")).isEqualTo(NameMatch.MATCH);
        assertThat(citizens.find(good)).isPresent();
    }

    @Test
    void refusesFilesItCannotRead() {
        assertThatThrownBy(() -> register.importCsv("姓名,电话\n张三,1\n".getBytes(StandardCharsets.UTF_8), null, "x"))
                .isInstanceOf(ChengxinException.class).extracting("code").isEqualTo("FILE_MISSING_COLUMN");
        assertThatThrownBy(() -> register.importCsv("身份证号,姓名\n".getBytes(GBK), StandardCharsets.UTF_8, "x"))
                .isInstanceOf(ChengxinException.class).extracting("code").isEqualTo("FILE_BAD_ENCODING");
        assertThatThrownBy(() -> register.importCsv(new byte[] {(byte) 0x81, (byte) 0x30, (byte) 0xFF, (byte) 0xFF}, null, "x"))
                .isInstanceOf(ChengxinException.class).extracting("code").isEqualTo("FILE_BAD_ENCODING");
        assertThatThrownBy(() -> register.importCsv("身份证号,姓名\n\"未闭合,张三\n".getBytes(StandardCharsets.UTF_8), null, "x"))
                .isInstanceOf(ChengxinException.class).extracting("code").isEqualTo("FILE_MALFORMED_CSV");
    }

    @Test
    void administratorUploadsAFileOnThePageAndTheImportIsAudited() throws Exception {
        var mvc = ApiContract.mockMvc(context);
        IdNumber person = fixtures.syntheticIdNumber();
        MockMultipartFile file = new MockMultipartFile("file", "人口.csv", "text/csv",
                ("身份证号,姓名\n" + person.value() + ",页面导入\n坏号,某人\n").getBytes(GBK));
        long before = audit.count("action = 'identity.register-import'");

        mvc.perform(multipart("/admin/population").file(file).param("charset", "GBK").with(csrf())
                        .with(authentication(TestPrincipal.of(Role.SYSTEM_ADMIN, "scjg"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("导入 <span>1</span> 行")))
                .andExpect(content().string(Matchers.containsString("ID_WRONG_LENGTH")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(person.value()))));

        assertThat(register.checkName(person, "页面导入")).isEqualTo(NameMatch.MATCH);
        assertThat(audit.count("action = 'identity.register-import'")).isEqualTo(before + 1);
    }
}
