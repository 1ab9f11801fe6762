package org.chengxin.exchange.domain;

import java.util.Locale;

/**
 * The kinds of thing the city shares upstream, each with its stable identifier's letters, the prefix of its columns in
 * the files and the feed, and the base name of its file.
 */
public enum Shared {
    LICENCE("行政许可", "XK", "licences"),
    PENALTY("行政处罚", "CF", "penalties"),
    LIST_ENTRY("严重失信主体名单", "MD", "list-entries"),
    OBJECTION("异议处理结果", "YY", "objection-results"),
    REPAIR("信用修复结果", "XF", "repair-results");

    private final String label;
    private final String prefix;
    private final String fileName;

    Shared(String label, String prefix, String fileName) {
        this.label = label;
        this.prefix = prefix;
        this.fileName = fileName;
    }

    public String label() {
        return label;
    }

    public String prefix() {
        return prefix;
    }

    public String fileName() {
        return fileName;
    }

    /**
     * The stable identifier of one thing: the city's region code, the kind's letters and the platform's own number of it
     * ({@code 430600-CF-1024}); the same in every change of it, in the feed and in every file, for good.
     */
    public String identifier(String regionCode, long id) {
        return regionCode + "-" + prefix + "-" + id;
    }

    /** Whether this kind is a record of the catalog (a decision), rather than a list entry or a case's answer. */
    public boolean isDecision() {
        return this == LICENCE || this == PENALTY;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
