package org.chengxin.standing.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.chengxin.evaluation.Standing;
import org.chengxin.lists.ListEntry;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.RecordStatus;
import org.chengxin.standing.CreditStanding;
import org.chengxin.standing.CreditStanding.Listing;
import org.chengxin.standing.CreditStanding.RecordInForce;

/**
 * Puts a person's standing together from what the modules below know of them on a day: the evaluation's
 * points and grade, the list entries in force, and the person's records, of which those in force are
 * shown as good-credit or dishonesty records, oldest decision first.
 */
public final class StandingAssembly {

    static final String GOOD_CREDIT = "GOOD_CREDIT";
    static final String DISHONESTY = "DISHONESTY";

    private StandingAssembly() {
    }

    /**
     * @param evaluated      the evaluation's standing, computed from the same records
     * @param entriesInForce the person's list entries in force
     * @param theirs         every record of the person, whatever its status
     * @param itemNames      an item's name by its code
     */
    public static CreditStanding assemble(Standing evaluated, List<ListEntry> entriesInForce, List<CreditRecord> theirs,
            Function<String, String> itemNames, LocalDate today) {
        return assemble(evaluated, entriesInForce, theirs, itemNames, r -> null, today);
    }

    /**
     * @param substances what a record says, labelled in Chinese, as its one-line summary
     */
    public static CreditStanding assemble(Standing evaluated, List<ListEntry> entriesInForce, List<CreditRecord> theirs,
            Function<String, String> itemNames, Function<CreditRecord, String> substances, LocalDate today) {
        List<CreditRecord> inForce = theirs.stream().filter(r -> inForce(r, today))
                .sorted(Comparator.comparing(CreditRecord::decisionDate).thenComparing(CreditRecord::id))
                .toList();
        return new CreditStanding(evaluated.day(), evaluated.modelVersion(), evaluated.points(), evaluated.grade(),
                evaluated.gradeLabel(), evaluated.threeYearsClean(), evaluated.disputed(), evaluated.recordsCounted(),
                entriesInForce.stream().filter(e -> !restsOnlyOnSuspended(e, theirs)).map(StandingAssembly::listing).toList(),
                ofKind(inForce, GOOD_CREDIT, itemNames, substances), ofKind(inForce, DISHONESTY, itemNames, substances));
    }

    /**
     * A record is in force while it can be used (active or under objection) and its disclosure period has
     * not run out: {@code expiresOn} is the first day it no longer counts.
     */
    public static boolean inForce(CreditRecord r, LocalDate day) {
        return r.status().counts() && r.expiresOn().isAfter(day);
    }

    /**
     * An entry all of whose records are suspended (their objections not verified in time) is not used
     * while they are: it comes back by itself when the department decides and the records are active again.
     */
    static boolean restsOnlyOnSuspended(ListEntry e, List<CreditRecord> theirs) {
        if (e.recordIds() == null || e.recordIds().isEmpty()) {
            return false;
        }
        return e.recordIds().stream().allMatch(id -> theirs.stream()
                .anyMatch(r -> r.id() == id && r.status() == RecordStatus.SUSPENDED));
    }

    /** The Chinese name of a list, by its kind. */
    public static String listName(String listKind) {
        return CreditStanding.SERIOUS_DISHONESTY.equals(listKind) ? "严重失信主体名单" : listKind;
    }

    private static Listing listing(ListEntry e) {
        return new Listing(e.listKind(), listName(e.listKind()), e.id(), e.departmentCode(), e.documentNumber(), e.startDate(),
                e.endDate());
    }

    private static List<RecordInForce> ofKind(List<CreditRecord> inForce, String kind, Function<String, String> itemNames,
            Function<CreditRecord, String> substances) {
        return inForce.stream().filter(r -> kind.equals(r.kind()))
                .map(r -> new RecordInForce(r.id(), r.itemCode(), itemNames.apply(r.itemCode()), r.departmentCode(),
                        r.documentNumber(), r.decisionDate(), r.severity(), r.expiresOn().minusDays(1),
                        r.status() == RecordStatus.OBJECTED, substances.apply(r), r.scope()))
                .toList();
    }
}
