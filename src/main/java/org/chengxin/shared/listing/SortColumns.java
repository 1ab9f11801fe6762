package org.chengxin.shared.listing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The columns a list may be sorted by: a key the page sends to the SQL expression it stands for. Anything else a
 * request names is ignored (the default sort applies), so no text from a request ever reaches the SQL.
 */
public final class SortColumns {

    private final Map<String, String> columns;
    private final String defaultKey;
    private final boolean defaultDescending;

    private SortColumns(Map<String, String> columns, String defaultKey, boolean defaultDescending) {
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        this.defaultKey = defaultKey;
        this.defaultDescending = defaultDescending;
    }

    /** The whitelist, with the sort used when a request names none (or one not listed). */
    public static SortColumns of(Map<String, String> keyToSql, String defaultKey, boolean defaultDescending) {
        if (!keyToSql.containsKey(defaultKey)) {
            throw new IllegalArgumentException("default sort column not in the whitelist: " + defaultKey);
        }
        return new SortColumns(keyToSql, defaultKey, defaultDescending);
    }

    public boolean allows(String key) {
        return key != null && columns.containsKey(key);
    }

    public String defaultKey() {
        return defaultKey;
    }

    public boolean defaultDescending() {
        return defaultDescending;
    }

    /** The SQL expression of a whitelisted key. */
    public String sql(String key) {
        return Objects.requireNonNull(columns.get(key), "not a sortable column");
    }
}
