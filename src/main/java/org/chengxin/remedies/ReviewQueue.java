package org.chengxin.remedies;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.chengxin.remedies.domain.Objection;
import org.chengxin.remedies.domain.RepairApplication;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.listing.SortColumns;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;

/**
 * A department's review list (异议与信用修复审核): its objections (those passed on at screening) and its repair
 * applications as one list, filtered, sorted, counted and paged in SQL, however many cases the department has.
 */
public interface ReviewQueue {

    /**
     * The sorts of the list: the work queue ({@code queue}: open cases first, nearest deadline first, then the decided
     * ones, latest first; the default), the day filed and the deadline. Each whitelisted key is turned into its own
     * order by the implementation, so the "SQL" here is only the key's name.
     */
    SortColumns SORT = SortColumns.of(Map.of("queue", "queue", "filedAt", "filedAt", "dueOn", "dueOn"), "queue", false);

    /** Every open case, whatever its stored status. */
    String PENDING = "PENDING";
    /** Every decided or withdrawn case. */
    String DONE = "DONE";

    /**
     * What narrows the list; null leaves a part out.
     *
     * @param subjects    the people (blind indexes); null for anyone, empty for no one
     * @param kind        {@code objection} or {@code repair}
     * @param status      a stored status (WITHDRAWN of either kind), {@link #PENDING} or {@link #DONE}
     * @param from        the first day filed (Beijing time)
     * @param to          the last day filed (Beijing time)
     * @param overdueOnly only open cases past their last day
     */
    record Filter(List<SubjectKey> subjects, String kind, String status, String itemCode, LocalDate from, LocalDate to,
            boolean overdueOnly) {

        public static final Filter NONE = new Filter(null, null, null, null, null, null, false);

        public Filter {
            subjects = subjects == null ? null : List.copyOf(subjects);
        }
    }

    /** A case of the list: an objection or a repair application (the other one null). */
    record Case(Objection objection, RepairApplication repair) {
    }

    /**
     * One page of the department's cases as filtered, with the total; sorted by the request's key: {@code queue} (open
     * cases first by the nearest deadline, then the decided ones, the latest first), {@code filedAt} or {@code dueOn};
     * ties by kind and number so pages never overlap. A page past the last is the last.
     */
    PageResult<Case> page(DepartmentCode departmentCode, Filter filter, PageRequest request);

    /** How many cases of the department the filter matches. */
    long count(DepartmentCode departmentCode, Filter filter);

    /** Every case the filter matches, in the request's order (its page and size ignored), handed {@code chunk} at a time. */
    long each(DepartmentCode departmentCode, Filter filter, PageRequest order, int chunk, Consumer<List<Case>> each);

    /** The catalog items the department's cases are about, once each. */
    List<String> itemCodes(DepartmentCode departmentCode);
}
