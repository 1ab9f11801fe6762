package org.chengxin.inquiry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.inquiry.CreditReport;
import org.chengxin.inquiry.CreditReports;
import org.chengxin.inquiry.ReportDocuments;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.support.ChengxinIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Report generation with 1,000,000 people loaded (four records each, {@code -Dbench.people=N} for another
 * size) on the embedded PostgreSQL: for a person with 50 records, the JSON report end to end through the window
 * service (decide the query, log it, assemble within the scope, store the issued report, serialize) and
 * the PDF of that report. Run with {@code ./mvnw -Pbenchmark test -Dtest=ReportBenchmark}; it prints p50
 * and p99 of the JSON and the median of the PDF, and checks the report holds the 50 records.
 */
@Tag("benchmark")
@ChengxinIntegrationTest
class ReportBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Citizens citizens;

    @Autowired
    PopulationRegister register;

    @Autowired
    CreditReports reports;

    @Autowired
    ReportDocuments documents;

    @Autowired
    Clock clock;

    @Test
    void jsonAndPdfForAPersonWithFiftyRecords() {
        int people = Integer.getInteger("bench.people", 1_000_000);
        LocalDate today = LocalDate.now(clock);
        long t0 = System.nanoTime();
        List<Map<String, Object>> items = jdbc.queryForList(
                "select code, kind, severity, scope from catalog_item where version_id = (select max(id) from catalog_version) "
                        + "and scope <> 'NOT_DISCLOSED' order by code");
        String[] codes = items.stream().map(i -> (String) i.get("code")).toArray(String[]::new);
        String[] kinds = items.stream().map(i -> (String) i.get("kind")).toArray(String[]::new);
        String[] severities = items.stream().map(i -> (String) i.get("severity")).toArray(String[]::new);
        String[] scopes = items.stream().map(i -> (String) i.get("scope")).toArray(String[]::new);
        for (long from = 1; from <= 4L * people; from += 1_000_000) {
            long to = Math.min(4L * people, from + 999_999);
            jdbc.update("""
                    insert into records_record (subject_index, subject_id, item_code, catalog_version_id, department_code, source_id,
                        decision_date, document_number, content, content_hash, kind, severity, scope, min_period_end, expires_on,
                        status, version, accepted_at, updated_at)
                    select sha256(('report-bench-' || (g * 2654435761 % ?))::bytea), g * 2654435761 % ?, c.code[i],
                        (select max(id) from catalog_version), 'scjg', 'RBENCH-' || g, d, '岳示例〔2026〕' || g || '号', '{}',
                        repeat('0', 64), c.kind[i], c.severity[i], c.scope[i], d, d + 365 * (1 + g % 3)::int, 'ACTIVE', 1, now(), now()
                    from generate_series(?::bigint, ?::bigint) g
                    cross join (select ?::text[] as code, ?::text[] as kind, ?::text[] as severity, ?::text[] as scope) c
                    cross join lateral (select (1 + (g * 31 + g / 7) % ?)::int as i, (?::date - (g * 13 % 1000)::int) as d) x""",
                    people, people, from, to, codes, kinds, severities, scopes, codes.length, today);
        }
        // the person of the benchmark: a real blind index, a registered name, 50 records of every kind in force
        String body = "430602198807153" + "21";
        IdNumber person = IdNumber.parse(body + IdNumber.checkCharacterOf(body), clock);
        register.register(person, "报告基准", "基准测试");
        long subjectId = citizens.find(person).orElseThrow().id();
        SubjectKey subject = citizens.subjectKeyOf(person);
        jdbc.update("""
                insert into records_record (subject_index, subject_id, item_code, catalog_version_id, department_code, source_id,
                    decision_date, document_number, content, content_hash, kind, severity, scope, min_period_end, expires_on,
                    status, version, accepted_at, updated_at)
                select ?, ?, c.code[i], (select max(id) from catalog_version), 'swj', 'RBENCH-P-' || g,
                    ?::date - g * 9, '岳税罚〔2026〕' || g || '号', '{}', repeat('0', 64), c.kind[i], c.severity[i], c.scope[i],
                    ?::date - g * 9, ?::date + 400, case when g % 10 = 0 then 'OBJECTED' else 'ACTIVE' end, 1, now(), now()
                from generate_series(1, 50) g
                cross join (select ?::text[] as code, ?::text[] as kind, ?::text[] as severity, ?::text[] as scope) c
                cross join lateral (select (1 + g % ?)::int as i) x""",
                subject.bytes(), subjectId, today, today, today, codes, kinds, severities, scopes, codes.length);
        jdbc.execute("vacuum analyze records_record");
        System.out.printf("%nREPORT BENCHMARK: %,d people, %,d records loaded in %.1f s%n", people, 4L * people + 50,
                (System.nanoTime() - t0) / 1e9);

        CreditReport sample = json(person);
        assertThat(sample.goodCredit().size() + sample.dishonesty().size() + sample.other().size()).isEqualTo(50);

        for (int i = 0; i < 100; i++) {
            json(person);
            clearLog(subject, i);
        }
        long[] jsonNanos = new long[500];
        int bytes = 0;
        for (int i = 0; i < jsonNanos.length; i++) {
            long start = System.nanoTime();
            CreditReport r = reports.atWindow(person, true, null, "基准测试");
            bytes = JSON.writeValueAsBytes(r).length;
            jsonNanos[i] = System.nanoTime() - start;
            clearLog(subject, i);
        }
        for (int i = 0; i < 20; i++) {
            documents.pdf(sample);
        }
        long[] pdfNanos = new long[50];
        int pdfBytes = 0;
        for (int i = 0; i < pdfNanos.length; i++) {
            long start = System.nanoTime();
            pdfBytes = documents.pdf(sample).length;
            pdfNanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(jsonNanos);
        Arrays.sort(pdfNanos);
        System.out.printf("JSON report (50 records, %,d bytes), %d runs: p50 %.2f ms, p99 %.2f ms (target p99 < 20 ms)%n", bytes,
                jsonNanos.length, jsonNanos[jsonNanos.length / 2] / 1e6, jsonNanos[(int) (jsonNanos.length * 0.99) - 1] / 1e6);
        System.out.printf("PDF report (50 records, %,d bytes), %d runs: median %.1f ms, p90 %.1f ms (target median < 150 ms)%n", pdfBytes,
                pdfNanos.length, pdfNanos[pdfNanos.length / 2] / 1e6, pdfNanos[(int) (pdfNanos.length * 0.9) - 1] / 1e6);
    }

    private CreditReport json(IdNumber person) {
        return reports.atWindow(person, true, null, "基准测试");
    }

    /** Keeps the person's query log short (a report lists two years of queries), outside the timings. */
    private void clearLog(SubjectKey subject, int i) {
        if (i % 20 == 19) {
            jdbc.update("delete from inquiry_report where subject_index = ?", subject.bytes());
            jdbc.update("delete from inquiry_query where subject_index = ?", subject.bytes());
        }
    }
}
