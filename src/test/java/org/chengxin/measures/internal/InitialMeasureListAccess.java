package org.chengxin.measures.internal;

import java.time.LocalDate;

import org.chengxin.measures.domain.MeasureList;

/** Opens the package-private initial list to the domain tests. */
public final class InitialMeasureListAccess {

    private InitialMeasureListAccess() {
    }

    public static MeasureList yueyang(LocalDate from) {
        return InitialMeasureList.yueyang(from);
    }
}
