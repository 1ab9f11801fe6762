package org.chengxin.records.web;

/** An audit entry's detail is at most 500 characters (the column's size): longer text is cut with an ellipsis. */
final class AuditText {

    static final int MAX = 500;

    private AuditText() {
    }

    static String cut(String text) {
        return text.length() <= MAX ? text : text.substring(0, MAX - 1) + "…";
    }
}
