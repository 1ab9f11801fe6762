package org.chengxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister.NameMatch;
import org.chengxin.identity.RegisterImport;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A register file larger than one chunk is stored chunk by chunk (here 3 people a chunk), with the same answers as row by row:
 * rejections in every chunk keep their line numbers, a number met again in a later chunk or in the same chunk takes the
 * later name and keeps a mobile number given before, and the import is audited once.
 */
@ChengxinIntegrationTest
class RegisterImportChunksIntegrationTests {

    @Autowired
    JdbcPopulationRegister register;

    @Autowired
    Citizens citizens;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditRecords audit;

    @Autowired
    JdbcClient jdbc;

    private final List<IdNumber> people = new ArrayList<>();

    @Test
    void aFileOfManyChunksImportsEveryValidRowAndRejectsTheRestRowByRow() {
        for (int i = 0; i < 8; i++) {
            IdNumber n = fixtures.syntheticIdNumber();
            while (people.contains(n)) {
                n = fixtures.syntheticIdNumber();
            }
            people.add(n);
        }
        String bad = people.get(0).value().substring(0, 17) + (people.get(0).value().charAt(17) == '1' ? '2' : '1');
        // line numbers (header = 1) and what each line is
        String csv = "身份证号,姓名,手机号码\n"
                + people.get(0).value() + ",甲一,13800000001\n"      // 2  chunk 1
                + people.get(1).value() + ",乙二,\n"                  // 3  chunk 1
                + bad + ",错号,\n"                                    // 4  rejected
                + people.get(2).value() + ",丙三,13800000003\n"      // 5  chunk 1 (full: stored)
                + people.get(3).value() + ",,\n"                      // 6  rejected
                + people.get(3).value() + ",丁四,12\n"               // 7  rejected
                + people.get(3).value() + ",丁四,\n"                  // 8  chunk 2
                + people.get(0).value() + ",甲改名,\n"               // 9  chunk 2: later name, mobile kept
                + people.get(4).value() + ",戊五,13800000005\n"      // 10 chunk 2 (full)
                + "多列,1,2,3\n"                                      // 11 rejected
                + people.get(5).value() + ",己六,13800000006\n"      // 12 chunk 3
                + people.get(5).value() + ",己六改,\n"               // 13 chunk 3: same chunk, later name, mobile kept
                + people.get(6).value() + ",庚七,\n"                  // 14 chunk 3 (full)
                + people.get(7).value() + ",辛八,13800000008\n";     // 15 last, partial chunk
        long residents = register.size();
        long audited = audit.count("action = 'identity.register-import'");

        RegisterImport result = register.importCsv(csv.getBytes(StandardCharsets.UTF_8), null, "分块测试", 3);

        assertThat(result.rows()).isEqualTo(14);
        assertThat(result.imported()).isEqualTo(10);
        assertThat(result.rejected()).extracting(RegisterImport.RejectedRow::row, RegisterImport.RejectedRow::code).containsExactly(
                Tuple.tuple(4L, "ID_BAD_CHECK_CHARACTER"), Tuple.tuple(6L, "NAME_INVALID"), Tuple.tuple(7L, "MOBILE_INVALID"),
                Tuple.tuple(11L, "ROW_WRONG_COLUMN_COUNT"));
        assertThat(register.size()).isEqualTo(residents + 8);
        assertThat(register.checkName(people.get(0), "甲改名")).isEqualTo(NameMatch.MATCH);
        assertThat(register.checkName(people.get(5), "己六改")).isEqualTo(NameMatch.MATCH);
        for (int i : new int[] {1, 2, 3, 4, 6, 7}) {
            assertThat(register.checkName(people.get(i), "甲乙丙丁戊己庚辛".charAt(i) + "一二三四五六七八".substring(i, i + 1)))
                    .as("person %d", i).isEqualTo(NameMatch.MATCH);
        }
        assertThat(register.mobileOf(id(0))).contains("13800000001");
        assertThat(register.mobileOf(id(1))).isEmpty();
        assertThat(register.mobileOf(id(5))).contains("13800000006");
        assertThat(register.mobileOf(id(7))).contains("13800000008");
        assertThat(jdbc.sql("select count(*) from identity_resident r join identity_subject s on s.id = r.subject_id"
                + " where r.subject_index = s.blind_index and r.source = '分块测试'").query(Long.class).single()).isEqualTo(8);
        assertThat(audit.count("action = 'identity.register-import'")).isEqualTo(audited + 1);
    }

    private long id(int i) {
        return citizens.find(people.get(i)).orElseThrow().id();
    }
}
