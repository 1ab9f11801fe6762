package org.chengxin.shared.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

import org.chengxin.shared.subject.SubjectKey;

/**
 * The one JDBC conversion of a {@link SubjectKey}: a {@code bytea} column read into a key, and many keys
 * bound as one {@code bytea[]} parameter for set-based statements ({@code unnest(:subjects)}). A single key
 * is bound with {@link SubjectKey#bytes()}, which PgJDBC sends as {@code bytea}.
 */
public final class SubjectKeys {

    private SubjectKeys() {
    }

    /** The key in this {@code bytea} column, or null where the column is null. */
    public static SubjectKey read(ResultSet rs, String column) throws SQLException {
        byte[] bytes = rs.getBytes(column);
        return bytes == null ? null : SubjectKey.of(bytes);
    }

    /** The key in this {@code bytea} column (1-based index), or null where the column is null. */
    public static SubjectKey read(ResultSet rs, int column) throws SQLException {
        byte[] bytes = rs.getBytes(column);
        return bytes == null ? null : SubjectKey.of(bytes);
    }

    /** The keys as a {@code byte[][]}, which PgJDBC binds as one {@code bytea[]} parameter. */
    public static byte[][] array(Collection<SubjectKey> keys) {
        return keys.stream().map(SubjectKey::bytes).toArray(byte[][]::new);
    }
}
