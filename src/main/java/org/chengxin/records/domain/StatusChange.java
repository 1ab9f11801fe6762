package org.chengxin.records.domain;

import org.chengxin.records.RecordStatus;

/** One allowed change of a record's status, with the reason kept in the record's status history. */
public record StatusChange(RecordStatus from, RecordStatus to, String reason) {
}
