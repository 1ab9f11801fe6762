package org.chengxin.measures.internal;

import java.time.LocalDate;

import org.chengxin.measures.domain.MeasureList;

/** Opens the package-private default list to the domain tests. */
public final class DefaultMeasuresAccess {

    private DefaultMeasuresAccess() {
    }

    public static MeasureList yueyang(LocalDate from) {
        return DefaultMeasures.yueyang(from);
    }
}
