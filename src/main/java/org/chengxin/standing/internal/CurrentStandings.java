package org.chengxin.standing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.RecordSubstance;
import org.chengxin.evaluation.Scores;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.standing.CreditStanding;
import org.chengxin.standing.Standings;
import org.chengxin.standing.domain.StandingAssembly;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads what the modules below know of a person today and hands it to {@link StandingAssembly}. */
@Service
class CurrentStandings implements Standings {

    private final Scores scores;
    private final SeriousDishonestyList seriousDishonesty;
    private final Records records;
    private final Catalog catalog;
    private final Clock clock;

    CurrentStandings(Scores scores, SeriousDishonestyList seriousDishonesty, Records records, Catalog catalog, Clock clock) {
        this.scores = scores;
        this.seriousDishonesty = seriousDishonesty;
        this.records = records;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * In one transaction (the caller's, when it has one: a measure check reads and writes in one), and
     * the points and the records in force come from one read of the person's records.
     */
    @Override
    @Transactional(readOnly = true)
    public CreditStanding of(SubjectKey subject) {
        List<CreditRecord> theirs = records.allFor(subject);
        return StandingAssembly.assemble(scores.standingOf(subject, theirs), seriousDishonesty.activeFor(subject),
                theirs, this::itemName, this::substance, LocalDate.now(clock));
    }

    /** What the record says, each field under its catalog label: a measure check shows it beside the record. */
    private String substance(CreditRecord r) {
        Item item = catalog.versions().stream().filter(v -> v.id() == r.catalogVersionId()).findFirst()
                .flatMap(v -> v.item(r.itemCode())).or(() -> catalog.item(r.itemCode())).orElse(null);
        String summary = RecordSubstance.of(item, r.content()).summary();
        return summary.isEmpty() ? null : summary;
    }

    private String itemName(String itemCode) {
        return catalog.item(itemCode).map(Item::name).orElse(itemCode);
    }
}
