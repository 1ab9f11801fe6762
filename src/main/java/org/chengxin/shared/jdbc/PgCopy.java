package org.chengxin.shared.jdbc;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * Loads rows into a staging table with PostgreSQL's COPY, the fastest way in: the text format, one
 * line per row, tab-separated, with its escapes for backslash, tab, newline and carriage return.
 */
public final class PgCopy {

    private static final HexFormat HEX = HexFormat.of();

    private PgCopy() {
    }

    /** Copies rows into a table; values are written with their {@code toString()}, byte arrays as bytea hex. */
    public static long copy(Connection connection, String table, List<Object[]> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 256);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                append(text, row[i]);
            }
            text.append('\n');
        }
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " from stdin", new StringReader(text.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("COPY 到 " + table + " 失败", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a COPY failed because a row's key was already there (SQLSTATE 23505, unique_violation). */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean needsEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private static void append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        if (value instanceof byte[] bytes) {
            text.append("\\\\x");
            HEX.formatHex(text, bytes);
            return;
        }
        String s = value.toString();
        if (!needsEscape(s)) {
            // most values (numbers, dates, codes, names): appended whole rather than character by character
            text.append(s);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
