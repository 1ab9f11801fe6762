package org.chengxin.assessment.domain;

import java.util.HashSet;
import java.util.Set;

/**
 * What a department did in a month or a period: the counts every indicator is computed from. Months add up
 * ({@link #plus}); the items pushed are a set, so an item pushed in two months of a quarter counts once.
 *
 * @param mustItems         catalog items naming the department (items open to every government department left out)
 * @param pushedItems       items of which at least one record was first accepted
 * @param accepted          records first accepted (the volume)
 * @param timedPushes       records of 双公示 items first accepted, each timed from decision to acceptance
 * @param latePushes        of those, accepted more than 7 working days after the decision
 * @param timelinessDays    the working days from decision to acceptance, summed over the timed records
 * @param rows              rows read in the department's batches
 * @param rejected          rows rejected
 * @param checks            measure checks made
 * @param feedbackGiven     checks whose feedback was given
 * @param feedbackLate      feedback given after its due date
 * @param feedbackOverdue   no feedback, past the due date
 * @param feedbackDays      the days from check to feedback, summed
 * @param remediesReceived  objections (beyond screening) and repair applications filed
 * @param remediesLate      decided late, or still open past the deadline
 * @param complaintsReceived complaints and reports routed to the department
 * @param complaintsLate    answered late, or open past the reply deadline
 */
public record Tally(Set<String> mustItems, Set<String> pushedItems, long accepted, long timedPushes, long latePushes,
        long timelinessDays, long rows, long rejected, long checks, long feedbackGiven, long feedbackLate, long feedbackOverdue,
        double feedbackDays, long remediesReceived, long remediesLate, long complaintsReceived, long complaintsLate) {

    public static final Tally NONE = new Tally(Set.of(), Set.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Tally {
        mustItems = Set.copyOf(mustItems);
        pushedItems = Set.copyOf(pushedItems);
    }

    public Tally plus(Tally o) {
        Set<String> must = new HashSet<>(mustItems);
        must.addAll(o.mustItems);
        Set<String> pushed = new HashSet<>(pushedItems);
        pushed.addAll(o.pushedItems);
        return new Tally(must, pushed, accepted + o.accepted, timedPushes + o.timedPushes, latePushes + o.latePushes,
                timelinessDays + o.timelinessDays, rows + o.rows, rejected + o.rejected, checks + o.checks,
                feedbackGiven + o.feedbackGiven, feedbackLate + o.feedbackLate, feedbackOverdue + o.feedbackOverdue,
                feedbackDays + o.feedbackDays, remediesReceived + o.remediesReceived, remediesLate + o.remediesLate,
                complaintsReceived + o.complaintsReceived, complaintsLate + o.complaintsLate);
    }

    public Tally withMustItems(Set<String> must) {
        return new Tally(must, pushedItems, accepted, timedPushes, latePushes, timelinessDays, rows, rejected, checks, feedbackGiven,
                feedbackLate, feedbackOverdue, feedbackDays, remediesReceived, remediesLate, complaintsReceived, complaintsLate);
    }

    /** Must-push items of which something was pushed. */
    public long mustItemsPushed() {
        return pushedItems.stream().filter(mustItems::contains).count();
    }

    /** Average working days from decision to push; null when nothing was timed. */
    public Double averageDaysToPush() {
        return timedPushes == 0 ? null : timelinessDays / (double) timedPushes;
    }

    /** Average days from check to feedback; null when none was given. */
    public Double averageFeedbackDays() {
        return feedbackGiven == 0 ? null : feedbackDays / feedbackGiven;
    }

    /** Whether the department did anything the assessment counts in the period (or is bound to push something). */
    public boolean empty() {
        return mustItems.isEmpty() && pushedItems.isEmpty() && accepted == 0 && rows == 0 && checks == 0 && remediesReceived == 0
                && complaintsReceived == 0;
    }
}
