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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.ingestion.BatchFormat;
import org.chengxin.ingestion.BatchReport;
import org.chengxin.ingestion.RecordBatches;
import org.chengxin.ingestion.RecordBatches.Submission;
import org.chengxin.measures.MeasureCheck;
import org.chengxin.measures.MeasureChecks;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.organization.UnifiedSocialCreditCode;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A few county-level departments of the Yueyang demo (synthetic: 岳阳县, 华容县, 汨罗市, 岳阳楼区, 临湘市), so that the
 * assessment's 按区县 view has something true to show: each pushes records of the items open to every government
 * department through the real ingestion path (some late, some rows rejected) and runs a few joint reward/punishment checks
 * for 行政许可与公共服务事项办理, answering some. 湘阴县, 平江县, 云溪区 and 君山区 get none, so the view shows 不适用 too.
 * Runs once the application is ready (after the demo loader), when the first of them is not registered yet.
 */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = "chengxin.demo.enabled", havingValue = "true")
class DemoCounties {

    record County(String code, String name, String region, int rows, int lateEvery, int rejected, int checks, int answered) {
    }

    static final List<County> ALL = List.of(
            new County("yyx-scjg", "岳阳县市场监督管理局", "430621", 12, 6, 1, 4, 3),
            new County("hrx-rsj", "华容县人力资源和社会保障局", "430623", 8, 3, 2, 3, 1),
            new County("mls-swj", "国家税务总局汨罗市税务局", "430681", 10, 4, 0, 2, 2),
            new County("yyl-scjg", "岳阳市岳阳楼区市场监督管理局", "430602", 9, 0, 1, 3, 3),
            new County("lxs-cgj", "临湘市城市管理和综合执法局", "430682", 6, 2, 2, 0, 0));

    private static final Logger log = LoggerFactory.getLogger(DemoCounties.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> ITEMS = List.of("YY-GN-001", "YY-GN-002", "YY-GN-003");
    private static final String MATTER = "XZSP";

    private final Departments departments;
    private final PopulationRegister register;
    private final Catalog catalog;
    private final RecordBatches batches;
    private final MeasureChecks checks;
    private final Clock clock;

    DemoCounties(Departments departments, PopulationRegister register, Catalog catalog, RecordBatches batches, MeasureChecks checks,
            Clock clock) {
        this.departments = departments;
        this.register = register;
        this.catalog = catalog;
        this.batches = batches;
        this.checks = checks;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        if (departments.find(DepartmentCode.of(ALL.get(0).code())).isPresent()) {
            return;
        }
        Random random = new Random(20261206L);
        List<SyntheticPeople.Person> people = SyntheticPeople.generate(60, 20261206L, clock);
        for (SyntheticPeople.Person p : people) {
            register.register(p.idNumber(), p.name(), "演示数据（虚构人员，区县部门）");
        }
        int n = 0;
        int accepted = 0;
        int rejected = 0;
        for (County c : ALL) {
            String body = "11" + c.region() + String.format("MB%07d", 2_000 + n++);
            departments.register(c.code(), c.name(), DepartmentKind.GOVERNMENT, body + UnifiedSocialCreditCode.checkCharacter(body),
                    c.region());
            BatchReport report = push(c, people, random);
            accepted += report.accepted();
            rejected += report.rejected();
            check(c, people);
        }
        log.info("演示区县部门 {} 个已报送 {} 条记录（拒绝 {} 行）", ALL.size(), accepted, rejected);
    }

    /** The county department's batch: rows of the items open to every department, every {@code lateEvery}th decided too long ago. */
    private BatchReport push(County c, List<SyntheticPeople.Person> people, Random random) {
        LocalDate today = LocalDate.now(clock);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < c.rows(); i++) {
            Item item = catalog.current().item(ITEMS.get(i % ITEMS.size())).orElseThrow();
            boolean late = c.lateEvery() > 0 && i % c.lateEvery() == c.lateEvery() - 1;
            LocalDate decided = today.minusDays(late ? 20 + random.nextInt(20) : 1 + random.nextInt(4));
            rows.add(DemoPushes.row(item, people.get(random.nextInt(people.size())), decided, "demo-" + c.code() + "-" + i, random));
        }
        for (int i = 0; i < c.rejected(); i++) {
            Item item = catalog.current().item("YY-GN-002").orElseThrow();
            Map<String, Object> row = DemoPushes.row(item, people.get(i), today.minusDays(2), "demo-" + c.code() + "-bad-" + i, random);
            // a wrong check character: the platform rejects the row
            String id = (String) row.get("idNumber");
            row.put("idNumber", id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'));
            rows.add(row);
        }
        return as(c, Role.DATA_OFFICER, () -> {
            try {
                Path file = Files.createTempFile("chengxin-demo-county-", ".jsonl");
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    for (Map<String, Object> row : rows) {
                        out.write(JSON.writeValueAsString(row));
                        out.write('\n');
                    }
                }
                return batches.submitAndWait(new Submission(file, BatchFormat.JSONL, "演示数据-" + c.name() + ".jsonl", null, null, false));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A few checks while handling 行政许可与公共服务事项办理, the first {@code answered} of them answered at once. */
    private void check(County c, List<SyntheticPeople.Person> people) {
        as(c, Role.CLERK, () -> {
            for (int i = 0; i < c.checks(); i++) {
                MeasureCheck check = checks.check(people.get(people.size() - 1 - i).idNumber(), MATTER, DepartmentCode.of(c.code()));
                if (i < c.answered()) {
                    List<MeasureCheck.MeasureDecision> decisions = new ArrayList<>();
                    for (MeasureCheck.Applicable a : check.incentives()) {
                        decisions.add(new MeasureCheck.MeasureDecision(a.code(), false, "演示：本次办理未实施"));
                    }
                    for (MeasureCheck.Applicable a : check.punishments()) {
                        decisions.add(new MeasureCheck.MeasureDecision(a.code(), false, "演示：本次办理未实施"));
                    }
                    checks.feedback(check.id(), DepartmentCode.of(c.code()), decisions, "已办结（演示）", LocalDate.now(clock), null);
                }
            }
            return null;
        });
    }

    private static <T> T as(County c, Role role, Supplier<T> work) {
        Officer officer = new Officer("demo-" + c.code(), DepartmentCode.of(c.code()), role);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(officer, null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The staff member a county department acts as in the demo. */
    private record Officer(String displayName, DepartmentCode departmentCode, Role role) implements ChengxinPrincipal {
    }
}
