package org.chengxin.ingestion.internal;

import org.chengxin.ingestion.RecordBatches.Submission;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Actor;

/**
 * A registered batch on its way: who pushed it, for which department, and the file. {@code upstream} is the registered
 * name of the upstream platform whose list the batch imports (issue 18 item 2), null for a department's push.
 */
record BatchJob(long batchId, DepartmentCode department, boolean government, Actor actor, Submission submission, String upstream) {

    boolean inbound() {
        return upstream != null;
    }
}
