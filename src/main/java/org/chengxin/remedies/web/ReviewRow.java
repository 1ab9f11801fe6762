package org.chengxin.remedies.web;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of the review list and of its export: a case with the names people read, the person's number and name
 * masked (never the blind index, never the full number or name), and its deadline as the reader needs it.
 */
record ReviewRow(String kind, String kindLabel, long id, String href, String itemCode, String itemName, String maskedName,
        String maskedId, LocalDate filedOn, LocalDate dueOn, long daysLeft, boolean overdue, boolean escalated, boolean open,
        String statusCode, String statusLabel, Instant decidedAt, boolean late) {
}
