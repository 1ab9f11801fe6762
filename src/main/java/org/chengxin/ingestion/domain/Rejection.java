package org.chengxin.ingestion.domain;

/**
 * Why a row was not accepted: the row, the field concerned, a stable code and a Chinese message, and the row's source id
 * (来源编号) when it named one (null otherwise).
 */
public record Rejection(long rowNo, String field, String code, String message, String sourceId) {

    public Rejection(long rowNo, String field, String code, String message) {
        this(rowNo, field, code, message, null);
    }

    /**
     * This rejection with the row's source id as it can be kept and shown: a control character, a lone surrogate or a
     * non-character (a broken file's) becomes U+FFFD, and the id is cut to what the table keeps without splitting a
     * character; a blank one is none.
     */
    public Rejection withSourceId(String source) {
        if (source == null || source.isBlank()) {
            return this;
        }
        StringBuilder kept = new StringBuilder();
        source.strip().codePoints().limit(RowChecks.MAX_SOURCE_ID).forEach(cp -> {
            boolean unfit = Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE || (cp & 0xFFFE) == 0xFFFE;
            kept.appendCodePoint(unfit ? 0xFFFD : cp);
        });
        String s = kept.toString();
        if (s.length() > RowChecks.MAX_SOURCE_ID) {
            // a character outside the basic plane is two chars: cut before it rather than through it
            int end = RowChecks.MAX_SOURCE_ID;
            if (Character.isHighSurrogate(s.charAt(end - 1))) {
                end--;
            }
            s = s.substring(0, end);
        }
        return s.isBlank() ? this : new Rejection(rowNo, field, code, message, s);
    }
}
