package org.chengxin.ingestion.internal;

import org.chengxin.ingestion.RecordBatches.Submission;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Actor;

/** A registered batch on its way: who pushed it, for which department, and the file. */
record BatchJob(long batchId, DepartmentCode department, boolean government, Actor actor, Submission submission) {
}
