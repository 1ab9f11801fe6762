package org.chengxin.ingestion.domain;

/**
 * Why a row was not accepted: the row, the field concerned, a stable code and a Chinese message, and the row's source id
 * (来源编号) when it named one (null otherwise).
 */
public record Rejection(long rowNo, String field, String code, String message, String sourceId) {

    public Rejection(long rowNo, String field, String code, String message) {
        this(rowNo, field, code, message, null);
    }

    /** This rejection with the row's source id, cut to what the table keeps; a blank one is none. */
    public Rejection withSourceId(String source) {
        if (source == null || source.isBlank()) {
            return this;
        }
        String s = source.strip();
        return new Rejection(rowNo, field, code, message, s.length() > RowChecks.MAX_SOURCE_ID ? s.substring(0, RowChecks.MAX_SOURCE_ID) : s);
    }
}
