package org.chengxin.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.ingestion.BatchReport;
import org.chengxin.ingestion.RecordBatches;
import org.chengxin.organization.Accounts;
import org.chengxin.organization.SecondFactors;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo of the key-group and student archives (policy 七, 四): a reviewer of the 司法局 (律师), the 卫健委 (医师) and the
 * 教育局 (教师, 学生诚信档案), and, since the main demo has the lawyers' association push the lawyer item, a few records of
 * 律师严重违法执业 pushed by the 司法局 itself through the real ingestion path, about the same synthetic residents. Runs
 * once, after {@link DemoDataLoader} (the application is ready only when every runner has run).
 */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = "chengxin.demo.enabled", havingValue = "true")
class DemoArchives {

    static final String LAWYER_ITEM = "YY-JD-005";
    /** Login, name, department: the reviewers who hold archives. */
    static final List<String[]> REVIEWERS = List.of(
            new String[] {"reviewer-sfj", "司法局审核员（演示）", "sfj"},
            new String[] {"reviewer-wjw", "卫健委审核员（演示）", "wjw"},
            new String[] {"reviewer-jyj", "教育局审核员（演示）", "jyj"});

    private static final Logger log = LoggerFactory.getLogger(DemoArchives.class);

    private final Accounts accounts;
    private final SecondFactors secondFactors;
    private final Catalog catalog;
    private final TransactionTemplate transactions;
    private final DemoPushes pushes;
    private final Clock clock;
    private final int citizens;
    private final int recordsPerItem;

    DemoArchives(Accounts accounts, Catalog catalog, RecordBatches batches, TransactionTemplate transactions, Clock clock,
            @Value("${chengxin.demo.citizens:3000}") int citizens, @Value("${chengxin.demo.records-per-item:50}") int recordsPerItem,
            SecondFactors secondFactors) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.catalog = catalog;
        this.transactions = transactions;
        this.pushes = new DemoPushes(catalog, batches, clock);
        this.clock = clock;
        this.citizens = citizens;
        this.recordsPerItem = recordsPerItem;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        if (!accounts.staffExists("admin") || accounts.staffExists(REVIEWERS.get(0)[0])) {
            return;
        }
        transactions.executeWithoutResult(status -> REVIEWERS.forEach(r -> {
            accounts.createStaff(r[0], r[1], Role.REVIEWER, DepartmentCode.of(r[2]), DemoDataLoader.PASSWORD);
            // reviewers log in with a second factor: the demo's documented synthetic secret, as for "reviewer"
            secondFactors.enrolWithSecret(r[0], DemoDataLoader.TOTP_SECRET);
        }));
        Item item = catalog.item(LAWYER_ITEM).orElse(null);
        if (item == null || !item.departments().contains("sfj")) {
            return;
        }
        // the same residents as the main demo (same seed), so that the register knows their names
        List<SyntheticPeople.Person> people = SyntheticPeople.generate(citizens, 20261128L, clock);
        if (people.isEmpty()) {
            // a demo without residents (chengxin.demo.citizens=0, as the benchmarks start it): the logins only
            return;
        }
        Random random = new Random(20261206L);
        LocalDate today = LocalDate.now(clock);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(3, recordsPerItem / 2); i++) {
            SyntheticPeople.Person person = people.get(random.nextInt(people.size()));
            LocalDate decision = today.minusDays(1 + random.nextInt(600));
            rows.add(DemoPushes.row(item, person, decision, "demo-archives-" + LAWYER_ITEM + "-" + i, random));
        }
        BatchReport report = pushes.pushAs("sfj", rows);
        log.info("重点人群档案演示：审核员账号 reviewer-sfj、reviewer-wjw、reviewer-jyj 已创建；司法局报送律师记录 {} 条", report.accepted());
    }
}
