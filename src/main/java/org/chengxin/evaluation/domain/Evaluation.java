package org.chengxin.evaluation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.chengxin.shared.organization.DepartmentCode;

/**
 * A person's score, explained: from the starting points, record by record, to the final figure and
 * its grade. The same explanation serves the citizen, the clerk and the report.
 */
public record Evaluation(LocalDate day, String modelVersion, int basePoints, int points, Grade grade, boolean disputed,
        List<Line> lines) {

    /** One record's part in the score: its points, whether it is disputed, and until when it counts. */
    public record Line(long recordId, String itemCode, String itemName, DepartmentCode departmentCode, LocalDate decisionDate,
            int points, String legalBasis, LocalDate countsUntil, boolean disputed) {
    }

    /** Evaluates the records of one person on a day under a model; records that do not count are left out. */
    public static Evaluation of(List<CountedRecord> records, PointsModel model, LocalDate day) {
        List<Line> lines = new ArrayList<>();
        int points = model.basePoints();
        for (CountedRecord r : records) {
            if (!CountingPolicy.counts(r, day)) {
                continue;
            }
            int p = model.pointsOf(r);
            points += p;
            lines.add(new Line(r.recordId(), r.itemCode(), r.itemName(), r.departmentCode(), r.decisionDate(), p,
                    r.legalBasis(), r.expiresOn().minusDays(1), CountingPolicy.disputed(r)));
        }
        lines.sort(Comparator.comparing(Line::decisionDate).thenComparing(Line::recordId));
        boolean disputed = lines.stream().anyMatch(Line::disputed);
        return new Evaluation(day, model.version(), model.basePoints(), points, model.bands().gradeOf(points), disputed,
                List.copyOf(lines));
    }
}
