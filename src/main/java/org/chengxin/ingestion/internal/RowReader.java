package org.chengxin.ingestion.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.chengxin.ingestion.domain.RawRow;

/** Reads a pushed file row by row, without holding it in memory, and hands each row on. */
interface RowReader {

    /** Reads every row; the header's meaning (template, 双公示) is settled by the reader. */
    void read(Path file, Consumer<RawRow> rows) throws IOException;
}
