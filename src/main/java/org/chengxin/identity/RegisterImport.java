package org.chengxin.identity;

import java.util.List;

/** What a register import did: counts and every rejected row. */
public record RegisterImport(int rows, int imported, List<RejectedRow> rejected) {

    /** A row that was not imported, and why. Its number is the line in the file (header = 1). */
    public record RejectedRow(long row, String field, String code, String message) {
    }
}
