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
        List<Line> lines, List<SetAside> setAside) {

    /** One record's part in the score: its points, whether it is disputed, and until when it counts. */
    public record Line(long recordId, String itemCode, String itemName, DepartmentCode departmentCode, LocalDate decisionDate,
            int points, String legalBasis, LocalDate countsUntil, boolean disputed) {
    }

    /**
     * A record in its disclosure period that does not count today because of an objection: set aside under
     * the model's rule, or suspended after an objection not verified in time.
     */
    public record SetAside(long recordId, String itemCode, String itemName, DepartmentCode departmentCode, LocalDate decisionDate,
            String reason) {
    }

    /** Evaluates the records of one person on a day under a model; records that do not count are left out. */
    public static Evaluation of(List<CountedRecord> records, PointsModel model, LocalDate day) {
        List<Line> lines = new ArrayList<>();
        List<SetAside> setAside = new ArrayList<>();
        int points = model.basePoints();
        for (CountedRecord r : records) {
            if (!model.counts(r, day)) {
                String why = CountingPolicy.setAsideBecause(r, day, model.objectedRecords());
                if (why != null) {
                    setAside.add(new SetAside(r.recordId(), r.itemCode(), r.itemName(), r.departmentCode(), r.decisionDate(), why));
                }
                continue;
            }
            int p = model.pointsOf(r);
            points += p;
            lines.add(new Line(r.recordId(), r.itemCode(), r.itemName(), r.departmentCode(), r.decisionDate(), p,
                    r.legalBasis(), r.expiresOn().minusDays(1), CountingPolicy.disputed(r)));
        }
        lines.sort(Comparator.comparing(Line::decisionDate).thenComparing(Line::recordId));
        boolean disputed = lines.stream().anyMatch(Line::disputed);
        setAside.sort(Comparator.comparing(SetAside::decisionDate).thenComparing(SetAside::recordId));
        return new Evaluation(day, model.version(), model.basePoints(), points, model.bands().gradeOf(points), disputed,
                List.copyOf(lines), List.copyOf(setAside));
    }
}
