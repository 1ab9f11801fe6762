package org.chengxin.lists;

import java.time.LocalDate;
import java.util.List;

/**
 * What the other modules need to know of a person's credit on a day (issue 4, item 3): grade and points
 * from the records that count, the list entries in force, the three-years-clean status and whether a
 * record under objection is among those counted.
 */
public record CreditStatus(LocalDate day, String modelVersion, int points, String grade, String gradeLabel,
        boolean threeYearsClean, boolean disputed, int recordsCounted, List<Membership> lists,
        List<GoodCredit> goodCredit, List<Dishonesty> dishonesty) {

    /** One list entry in force. */
    public record Membership(String list, String listName, long entryId, String departmentCode, String documentNumber,
            LocalDate startDate, LocalDate endDate) {
    }

    /** A good-credit record (优良信用记录, policy 十三) in force: an honour or recommendation, its source and period. */
    public record GoodCredit(long recordId, String itemCode, String itemName, String departmentCode, String documentNumber,
            LocalDate decisionDate, LocalDate lastDay) {
    }

    /** A dishonesty record in force (active or under objection, inside its disclosure period), with its severity. */
    public record Dishonesty(long recordId, String itemCode, String itemName, String departmentCode, String documentNumber,
            LocalDate decisionDate, String severity, LocalDate lastDay, boolean disputed) {
    }

    public boolean seriouslyDishonest() {
        return lists.stream().anyMatch(m -> SERIOUS_DISHONESTY.equals(m.list()));
    }

    public static final String SERIOUS_DISHONESTY = "SERIOUS_DISHONESTY";
}
