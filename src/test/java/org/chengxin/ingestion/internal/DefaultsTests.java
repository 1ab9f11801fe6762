package org.chengxin.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.chengxin.ingestion.domain.RawRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The row defaults of a 双公示 file: the amounts it gives in 万元 become the items' amounts in 元. */
class DefaultsTests {

    @TempDir
    Path dir;

    private List<RawRow> read(String csv) throws IOException {
        Path file = dir.resolve("cf.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        List<RawRow> rows = new ArrayList<>();
        new CsvRowReader(StandardCharsets.UTF_8, new Defaults(null, "YY-GN-002", "YY-GN-001")).read(file, rows::add);
        return rows;
    }

    @Test
    void fineAndConfiscationInTenThousandYuanBecomeYuan() throws IOException {
        List<RawRow> rows = read("""
                CF_WSH,CF_XDR_MC,CF_NR_FK,CF_NR_WFFF
                岳市监罚〔2026〕1号,测试甲,0.5,1.2
                岳市监罚〔2026〕2号,测试乙,3,
                岳市监罚〔2026〕3号,测试丙,0.00015,0
                """);
        assertThat(rows.get(0).values()).containsEntry("fineAmount", "5000").containsEntry("confiscatedAmount", "12000")
                .doesNotContainKeys("万元:fineAmount", "万元:confiscatedAmount");
        assertThat(rows.get(1).values()).containsEntry("fineAmount", "30000").doesNotContainKey("confiscatedAmount");
        assertThat(rows.get(2).values()).containsEntry("fineAmount", "1.5").containsEntry("confiscatedAmount", "0");
    }

    @Test
    void anAmountInYuanWinsAndNoNumberIsHandedOnForTheChecksToRefuse() throws IOException {
        List<RawRow> rows = read("""
                CF_WSH,CF_XDR_MC,CF_NR_FK,罚款金额（fineAmount）
                岳市监罚〔2026〕4号,测试丁,0.5,4999
                岳市监罚〔2026〕5号,测试戊,五千,
                """);
        assertThat(rows.get(0).values()).containsEntry("fineAmount", "4999");
        assertThat(rows.get(1).values()).containsEntry("fineAmount", "五千");
    }
}
