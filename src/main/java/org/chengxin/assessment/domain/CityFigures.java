package org.chengxin.assessment.domain;

/**
 * The city's figures of a period that the national monitoring indicators ({@link Monitoring}) are computed from: every
 * department's pushes, checks, objections and repairs added up, and the queries of people's credit information.
 *
 * @param timedPushes        records of 双公示 items first accepted, each timed from decision to acceptance
 * @param latePushes         of those, accepted more than 7 working days after the decision
 * @param rows               rows read in the period's batches
 * @param rejected           of those, rows rejected
 * @param checks             joint reward/punishment checks made
 * @param feedbackGiven      checks whose feedback was given
 * @param feedbackOverdue    checks without feedback past their due date
 * @param objectionsReceived objections filed (beyond screening)
 * @param objectionsLate     answered late, or open past the deadline
 * @param repairsReceived    repair applications filed
 * @param repairsLate        decided late, or open past the deadline
 * @param queries            queries of people's credit information (reports and credit-status answers), allowed or refused
 * @param queriesRefused     of those, refused
 */
public record CityFigures(long timedPushes, long latePushes, long rows, long rejected, long checks, long feedbackGiven,
        long feedbackOverdue, long objectionsReceived, long objectionsLate, long repairsReceived, long repairsLate, long queries,
        long queriesRefused) {

    public static final CityFigures NONE = new CityFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
