package org.chengxin.measures;

import java.util.List;

/**
 * Checks stored together in one transaction (the checks' group commit): each is a {@link MeasureChecked} with the
 * same meaning and the same guarantee, published once for all of them inside that transaction, so that the query
 * log's owner can record them in one statement.
 */
public record MeasureChecksStored(List<MeasureChecked> checks) {

    public MeasureChecksStored {
        checks = List.copyOf(checks);
    }
}
