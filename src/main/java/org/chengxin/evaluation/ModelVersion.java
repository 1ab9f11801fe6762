package org.chengxin.evaluation;

import java.time.LocalDate;

/** One published version of the points model. */
public record ModelVersion(String version, LocalDate effectiveFrom, String publishedBy) {
}
