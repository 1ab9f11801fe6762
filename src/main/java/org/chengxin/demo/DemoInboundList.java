package org.chengxin.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.chengxin.ingestion.BatchFormat;
import org.chengxin.ingestion.BatchReport;
import org.chengxin.ingestion.RecordBatches;
import org.chengxin.ingestion.RecordBatches.Submission;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The provincial platform (信用湖南, {@code xyhn}) delivers a small synthetic list of court defaulters (失信被执行人,
 * YY-JD-001) about the city's residents through the real import path (issue 18 item 2), twice: the first delivery
 * puts four entries in force; the second, a day's snapshot of the list as the national format sends it, repeats three
 * of them unchanged, ends the first (名单状态 1 撤销, 移出日期) and adds a fifth. The people are made up (valid GB 11643 check
 * characters, names that say they are a demo) and are not in the population register. The same rows with fixed dates
 * are in {@code docs/samples/inbound-list-*.csv}, for importing by hand.
 */
final class DemoInboundList {

    static final DepartmentCode PLATFORM = DepartmentCode.of("xyhn");
    static final String ITEM = "YY-JD-001";
    private static final Charset GBK = Charset.forName("GBK");
    private static final String HEADER = "来源编号,信息项代码,身份证号,姓名,决定日期,文书号,执行案号,执行法院,生效法律文书确定的义务,失信情形,未履行金额（元）,名单状态,移出日期";

    /** A made-up defaulter: number, name, court, days before today the decision was made. */
    record Entry(String sourceId, String idNumber, String name, String court, String caseNumber, int daysAgo, String amount) {
    }

    static final List<Entry> ENTRIES = List.of(
            new Entry("HN-SXBZXR-2026-000101", "430602197803129316", "名单演示甲", "长沙市芙蓉区人民法院（演示）", "（2026）湘0102执101号", 200, "86000"),
            new Entry("HN-SXBZXR-2026-000102", "430621198506219327", "名单演示乙", "常德市武陵区人民法院（演示）", "（2026）湘0702执102号", 150, "120500"),
            new Entry("HN-SXBZXR-2026-000103", "430626196909059332", "名单演示丙", "株洲市天元区人民法院（演示）", "（2026）湘0211执103号", 90, "43000"),
            new Entry("HN-SXBZXR-2026-000104", "430681199101179348", "名单演示丁", "湘潭市雨湖区人民法院（演示）", "（2026）湘0302执104号", 60, "15800"),
            new Entry("HN-SXBZXR-2026-000105", "430682198211309352", "名单演示戊", "衡阳市蒸湘区人民法院（演示）", "（2026）湘0408执105号", 30, "200000"));

    private final RecordBatches batches;
    private final Clock clock;

    DemoInboundList(RecordBatches batches, Clock clock) {
        this.batches = batches;
        this.clock = clock;
    }

    /** Both deliveries, as the provincial platform's system would send them (GBK CSV); returns their reports. */
    List<BatchReport> deliver() {
        LocalDate today = LocalDate.now(clock);
        List<String> first = new ArrayList<>();
        for (Entry e : ENTRIES.subList(0, 4)) {
            first.add(row(e, today, "0", ""));
        }
        List<String> second = new ArrayList<>();
        second.add(row(ENTRIES.get(0), today, "1", today.minusDays(3).toString()));
        for (Entry e : ENTRIES.subList(1, 5)) {
            second.add(row(e, today, "0", ""));
        }
        return List.of(importAs("信用湖南-失信被执行人名单-第1期.csv", first), importAs("信用湖南-失信被执行人名单-第2期.csv", second));
    }

    private static String row(Entry e, LocalDate today, String status, String endDate) {
        LocalDate decision = today.minusDays(e.daysAgo());
        return String.join(",", e.sourceId(), ITEM, e.idNumber(), e.name(), decision.toString(), e.caseNumber() + "之一",
                e.caseNumber(), e.court(), "给付申请执行人借款本金及利息（演示）", "有履行能力而拒不履行生效法律文书确定义务（演示）", e.amount(), status,
                endDate);
    }

    private BatchReport importAs(String fileName, List<String> rows) {
        try {
            Path file = Files.createTempFile("chengxin-demo-list-", ".csv");
            try (Writer out = Files.newBufferedWriter(file, GBK)) {
                out.write(HEADER);
                out.write("\r\n");
                for (String row : rows) {
                    out.write(row);
                    out.write("\r\n");
                }
            }
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    new UpstreamSystem(), null, List.of(new SimpleGrantedAuthority("SCOPE_lists:import"))));
            try {
                return batches.importListAndWait(PLATFORM, new Submission(file, BatchFormat.CSV, fileName, null, GBK, false));
            } finally {
                SecurityContextHolder.clearContext();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The provincial platform's system, as the import sees it. */
    private record UpstreamSystem() implements ChengxinPrincipal {
        @Override
        public String displayName() {
            return DemoDataLoader.UPSTREAM_CLIENT_ID;
        }

        @Override
        public DepartmentCode departmentCode() {
            return PLATFORM;
        }

        @Override
        public Role role() {
            return Role.API_CLIENT;
        }
    }
}
