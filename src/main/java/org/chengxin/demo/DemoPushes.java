package org.chengxin.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.ItemField;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo departments push records about the demo citizens through the real ingestion path (as
 * JSON Lines files, one batch per department), across every item of the catalog, so that every
 * page has something true to show.
 */
final class DemoPushes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Catalog catalog;
    private final RecordBatches batches;
    private final Clock clock;

    DemoPushes(Catalog catalog, RecordBatches batches, Clock clock) {
        this.catalog = catalog;
        this.batches = batches;
        this.clock = clock;
    }

    /**
     * Pushes about {@code perItem} records of every item; the featured people (the demo citizens with
     * logins) get an honour and a general penalty, so that their own pages have something to explain.
     * Returns the batches' reports.
     */
    List<BatchReport> push(List<SyntheticPeople.Person> people, List<SyntheticPeople.Person> featured, int perItem, long seed) {
        Random random = new Random(seed);
        Map<String, List<Map<String, Object>>> byDepartment = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        int n = 0;
        for (SyntheticPeople.Person person : featured) {
            for (String code : List.of("YY-GN-004", "YY-GN-002")) {
                Item item = catalog.current().item(code).orElse(null);
                if (item == null) {
                    continue;
                }
                LocalDate decision = today.minusDays(30 + random.nextInt(60));
                String department = code.equals("YY-GN-004") ? "wmb" : "scjg";
                byDepartment.computeIfAbsent(department, d -> new ArrayList<>())
                        .add(row(item, person, decision, "demo-featured-" + (++n), random));
            }
        }
        for (Item item : catalog.current().allItems()) {
            // an upstream platform named as a source delivers its list (DemoInboundList), it does not push
            String department = item.departments().stream().filter(d -> !d.equals(Item.ALL_GOVERNMENT))
                    .filter(d -> YueyangDepartments.EXTERNAL.stream().noneMatch(e -> e.code().equals(d))).sorted().findFirst()
                    .orElse("scjg");
            for (int i = 0; i < perItem; i++) {
                SyntheticPeople.Person person = people.get(random.nextInt(people.size()));
                int spanDays = Math.max(1, item.maxMonths() * 30 - 31);
                LocalDate decision = today.minusDays(1 + random.nextInt(Math.min(spanDays, 900)));
                if (item.adultsOnly() && person.idNumber().ageOn(decision.minusDays(1)) < 18) {
                    continue;
                }
                byDepartment.computeIfAbsent(department, d -> new ArrayList<>())
                        .add(row(item, person, decision, "demo-" + item.code() + "-" + (++n), random));
            }
        }
        List<BatchReport> reports = new ArrayList<>();
        byDepartment.forEach((department, rows) -> reports.add(pushAs(department, rows)));
        return reports;
    }

    static Map<String, Object> row(Item item, SyntheticPeople.Person person, LocalDate decision, String sourceId,
            Random random) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sourceId", sourceId);
        row.put("itemCode", item.code());
        row.put("idNumber", person.idNumber().value());
        row.put("name", person.name());
        row.put("decisionDate", decision.toString());
        row.put("documentNumber", "岳演示〔" + decision.getYear() + "〕" + Math.floorMod(sourceId.hashCode(), 10000) + "号");
        row.put("content", content(item, decision, random));
        return row;
    }

    BatchReport pushAs(String department, List<Map<String, Object>> rows) {
        try {
            Path file = Files.createTempFile("chengxin-demo-", ".jsonl");
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (Map<String, Object> row : rows) {
                    out.write(JSON.writeValueAsString(row));
                    out.write('\n');
                }
            }
            DemoOfficer officer = new DemoOfficer("demo-" + department, DepartmentCode.of(department));
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(officer, null,
                    List.of(new SimpleGrantedAuthority(Role.DATA_OFFICER.authority()))));
            try {
                return batches.submitAndWait(new Submission(file, BatchFormat.JSONL, "演示数据-" + department + ".jsonl", null, null, false));
            } finally {
                SecurityContextHolder.clearContext();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> content(Item item, LocalDate decision, Random random) {
        Map<String, String> content = new LinkedHashMap<>();
        for (ItemField f : item.fields()) {
            if (!f.required() && random.nextBoolean()) {
                continue;
            }
            content.put(f.name(), switch (f.type()) {
                case DATE -> decision.minusDays(random.nextInt(30)).toString();
                case DECIMAL -> String.valueOf(100 * (1 + random.nextInt(200)));
                case INTEGER -> String.valueOf(1 + random.nextInt(90));
                case BOOLEAN -> random.nextBoolean() ? "是" : "否";
                case STRING -> "（演示）" + f.label();
                case IDENTIFIER -> "YS" + (100000 + random.nextInt(900000));
            });
        }
        return content;
    }

    /** The data officer a demo department pushes as. */
    private record DemoOfficer(String displayName, DepartmentCode departmentCode) implements ChengxinPrincipal {
        @Override
        public Role role() {
            return Role.DATA_OFFICER;
        }
    }
}
