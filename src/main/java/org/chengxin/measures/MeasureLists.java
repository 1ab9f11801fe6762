package org.chengxin.measures;

import java.time.LocalDate;
import java.util.List;

import org.chengxin.measures.domain.Measure;
import org.chengxin.measures.domain.MeasureList;
import org.chengxin.measures.domain.ObjectedRecords;

/**
 * The incentive and punishment measure lists (policy 十三, 十四), kept by the administrator as versions
 * in force from a date and published on a public page.
 */
public interface MeasureLists {

    /** The version in force today. */
    MeasureList current();

    /** Every version, newest effective date first. */
    List<ListVersion> versions();

    /**
     * Publishes a new version: the list in force with one measure added or replaced (same code), in force
     * from a date that is today or later. Refused with a stable code when the measure breaks a rule, the
     * version name is taken or the date is past.
     */
    MeasureList putMeasure(String version, LocalDate effectiveFrom, Measure measure);

    /** Publishes a new version without the measure of that code. */
    MeasureList removeMeasure(String version, LocalDate effectiveFrom, String code);

    /**
     * Publishes a new version with the same measures and the rule for records under objection: {@code COUNT}
     * (they trigger measures, marked disputed) or {@code EXCLUDE} (they trigger none while the objection is open).
     */
    MeasureList setObjectedRecords(String version, LocalDate effectiveFrom, ObjectedRecords objectedRecords);

    /** A version's name, date and publisher. */
    record ListVersion(String version, LocalDate effectiveFrom, String publishedBy, int measures) {
    }
}
