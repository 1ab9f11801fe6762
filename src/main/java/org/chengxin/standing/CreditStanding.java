package org.chengxin.standing;

import java.time.LocalDate;
import java.util.List;

import org.chengxin.shared.organization.DepartmentCode;

/**
 * A person's credit standing on a day, the one shape every module reads it in: grade and points from the
 * records that count, the list entries in force, the good-credit and dishonesty records in force, the
 * three-years-clean status and whether a record under objection is among those counted.
 */
public record CreditStanding(LocalDate day, String modelVersion, int points, String grade, String gradeLabel,
        boolean threeYearsClean, boolean disputed, int recordsCounted, List<Listing> lists, List<RecordInForce> goodCredit,
        List<RecordInForce> dishonesty) {

    public static final String SERIOUS_DISHONESTY = "SERIOUS_DISHONESTY";

    /** One list entry in force: which list, the deciding department, its decision and period. */
    public record Listing(String list, String listName, long entryId, DepartmentCode departmentCode, String documentNumber,
            LocalDate startDate, LocalDate endDate) {
    }

    /**
     * A record in force (active or under objection, inside its disclosure period): a good-credit record
     * (优良信用记录, policy 十三) or a dishonesty record.
     *
     * @param severity the severity of a dishonesty record (MINOR … SERIOUS), null for a good-credit record
     * @param lastDay  the last day the record is disclosed and counts
     * @param disputed under objection
     * @param substance what the record says, labelled in Chinese (违法事实：…；处罚依据：…；处罚结果：…；处罚机关：…)
     * @param scope     the catalog's disclosure scope of the record's item as it was pushed (PUBLIC, AUTHORIZED, GOVERNMENT,
     *                  NOT_DISCLOSED): who besides the person may see it
     */
    public record RecordInForce(long recordId, String itemCode, String itemName, DepartmentCode departmentCode, String documentNumber,
            LocalDate decisionDate, String severity, LocalDate lastDay, boolean disputed, String substance, String scope) {

        public RecordInForce(long recordId, String itemCode, String itemName, DepartmentCode departmentCode, String documentNumber,
                LocalDate decisionDate, String severity, LocalDate lastDay, boolean disputed) {
            this(recordId, itemCode, itemName, departmentCode, documentNumber, decisionDate, severity, lastDay, disputed, null, null);
        }
    }

    /** The entries of the serious-dishonesty list in force (policy 十四). */
    public List<Listing> seriousDishonesty() {
        return lists.stream().filter(l -> SERIOUS_DISHONESTY.equals(l.list())).toList();
    }

    public boolean seriouslyDishonest() {
        return !seriousDishonesty().isEmpty();
    }
}
