package org.chengxin.lists;

import java.time.LocalDate;
import java.util.List;

import org.chengxin.shared.subject.SubjectKey;

/**
 * What narrows a department's open notices (已告知待认定), all of it applied in SQL: the people (blind indexes; null for
 * anyone), a catalog item one of the notice's records has, a range of the day the person was told (Beijing time), and
 * where the person's statement stands ({@link State}). Null leaves a part out.
 */
public record NoticeFilter(List<SubjectKey> subjects, String itemCode, LocalDate noticedFrom, LocalDate noticedTo, State state) {

    public static final NoticeFilter NONE = new NoticeFilter(null, null, null, null, null);

    public NoticeFilter {
        subjects = subjects == null ? null : List.copyOf(subjects);
    }

    /** Where a notice stands today: its period for a statement runs, the person stated their case, or the period lapsed unused. */
    public enum State {
        OPEN("陈述申辩期内"),
        STATED("已陈述申辩"),
        LAPSED("期限届满未陈述");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
