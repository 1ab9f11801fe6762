package org.chengxin.lists.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.chengxin.catalog.Catalog;

import org.chengxin.evaluation.Scores;
import org.chengxin.evaluation.Standing;
import org.chengxin.lists.CreditStatus;
import org.chengxin.lists.CreditStatus.GoodCredit;
import org.chengxin.lists.CreditStatus.Membership;
import org.chengxin.lists.CreditStatuses;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.records.Records;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Combines the evaluation's standing with the list entries in force. */
@Service
class DefaultCreditStatuses implements CreditStatuses {

    private final Scores scores;
    private final SeriousDishonestyList seriousDishonesty;
    private final Records records;
    private final Catalog catalog;
    private final Clock clock;

    DefaultCreditStatuses(Scores scores, SeriousDishonestyList seriousDishonesty, Records records, Catalog catalog, Clock clock) {
        this.scores = scores;
        this.seriousDishonesty = seriousDishonesty;
        this.records = records;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * In one transaction (the caller's, when it has one: a measure check reads and writes in one), and
     * the standing and the records in force come from one read of the person's records.
     */
    @Override
    @Transactional(readOnly = true)
    public CreditStatus of(String subjectIndex) {
        List<org.chengxin.records.CreditRecord> theirs = records.allFor(subjectIndex);
        Standing s = scores.standingOf(subjectIndex, theirs);
        List<Membership> lists = seriousDishonesty.activeFor(subjectIndex).stream()
                .map(e -> new Membership(e.listKind(), "严重失信主体名单", e.id(), e.departmentCode(), e.documentNumber(),
                        e.startDate(), e.endDate()))
                .toList();
        LocalDate today = LocalDate.now(clock);
        // records in force: usable (active or under objection) and inside their disclosure period
        List<org.chengxin.records.CreditRecord> inForce = theirs.stream()
                .filter(r -> r.status().counts() && r.expiresOn().isAfter(today))
                .sorted(Comparator.comparing((org.chengxin.records.CreditRecord r) -> r.decisionDate()).thenComparing(r -> r.id()))
                .toList();
        List<GoodCredit> goodCredit = inForce.stream().filter(r -> "GOOD_CREDIT".equals(r.kind()))
                .map(r -> new GoodCredit(r.id(), r.itemCode(), catalog.item(r.itemCode()).map(i -> i.name()).orElse(r.itemCode()),
                        r.departmentCode(), r.documentNumber(), r.decisionDate(), r.expiresOn().minusDays(1)))
                .toList();
        List<CreditStatus.Dishonesty> dishonesty = inForce.stream().filter(r -> "DISHONESTY".equals(r.kind()))
                .map(r -> new CreditStatus.Dishonesty(r.id(), r.itemCode(),
                        catalog.item(r.itemCode()).map(i -> i.name()).orElse(r.itemCode()), r.departmentCode(), r.documentNumber(),
                        r.decisionDate(), r.severity(), r.expiresOn().minusDays(1), r.status() == org.chengxin.records.RecordStatus.OBJECTED))
                .toList();
        return new CreditStatus(s.day(), s.modelVersion(), s.points(), s.grade(), s.gradeLabel(), s.threeYearsClean(),
                s.disputed(), s.recordsCounted(), lists, goodCredit, dishonesty);
    }
}
