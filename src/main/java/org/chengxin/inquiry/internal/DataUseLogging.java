package org.chengxin.inquiry.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chengxin.archives.ArchiveOpened;
import org.chengxin.measures.MeasureChecked;
import org.chengxin.measures.MeasureChecksStored;
import org.chengxin.mutual.MutualQueryAnswered;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.shared.security.Actor;
import org.chengxin.standing.CreditStatusQueried;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the uses of a person's data made in other modules into the person's query log: the credit-status answers
 * of {@code standing}, the measure checks of {@code measures}, the archive openings of {@code archives} and the answers to
 * other cities' mutual queries of {@code mutual}. A plain {@link EventListener}, so it runs in the
 * publisher's transaction: the entry is committed with the answer or the stored check, or not at all (a failure
 * here rolls the answer back). The dependency runs one way: {@code inquiry} hears the four modules' events, none
 * of them knows {@code inquiry}.
 */
@Component
class DataUseLogging {

    private final JdbcQueryLog log;
    private final Departments departments;
    private final ActorNames names;

    DataUseLogging(JdbcQueryLog log, Departments departments, ActorNames names) {
        this.log = log;
        this.departments = departments;
        this.names = names;
    }

    @EventListener
    void on(CreditStatusQueried e) {
        Asker asker = Asker.creditStatus(e.actor(), organization(e.actor()), e.purpose());
        log.add(e.subject(), e.maskedId(), asker, names.of(e.actor()), e.refused(), e.refusalCode(), null, e.at());
    }

    @EventListener
    void on(MeasureChecked e) {
        Asker asker = Asker.measureCheck(e.actor(), organization(e.actor()), e.matterCode(), e.matterName(), e.listVersion(),
                e.checkId());
        log.add(e.subject(), e.maskedId(), asker, names.of(e.actor()), e.refused(), e.refusalCode(), null, e.at());
    }

    /** The checks of a group commit, in one statement; the asker's department and name read once per asker. */
    @EventListener
    void on(MeasureChecksStored stored) {
        Map<Actor, String[]> askers = new HashMap<>();
        List<JdbcQueryLog.NewEntry> entries = new ArrayList<>(stored.checks().size());
        for (MeasureChecked e : stored.checks()) {
            String[] asker = askers.computeIfAbsent(e.actor(), a -> new String[] {organization(a), names.of(a)});
            entries.add(new JdbcQueryLog.NewEntry(e.subject(), e.maskedId(), Asker.measureCheck(e.actor(), asker[0], e.matterCode(),
                    e.matterName(), e.listVersion(), e.checkId()), asker[1], e.refused(), e.refusalCode(), null, e.at()));
        }
        log.addAll(entries);
    }

    @EventListener
    void on(ArchiveOpened e) {
        Asker asker = Asker.archive(e.actor(), organization(e.actor()), e.student(), e.purpose(), e.basis());
        log.add(e.subject(), e.maskedId(), asker, names.of(e.actor()), false, null, null, e.at());
    }

    /** Under the asking platform's name, with the duty, the case number and what was answered. */
    @EventListener
    void on(MutualQueryAnswered e) {
        Asker asker = Asker.mutual(e.actor(), e.platform(), e.dutyCode(), e.dutyName(), e.caseNumber(), e.purpose());
        log.add(e.subject(), e.maskedId(), asker, names.of(e.actor()), e.refused(), e.refusalCode(), null, e.answer(), e.at());
    }

    /** The department's name, never its code. */
    private String organization(Actor actor) {
        return actor.department() == null ? ReportLabels.NO_DEPARTMENT
                : departments.find(actor.department()).map(Department::name).orElse(ReportLabels.NO_DEPARTMENT);
    }
}
