package org.chengxin.firms;

import java.util.List;
import java.util.Optional;

import org.chengxin.records.StoreResult;
import org.chengxin.shared.firm.Uscc;
import org.chengxin.shared.organization.DepartmentCode;

/** The records about firms, and their links to the persons' records. */
public interface FirmRecords {

    /**
     * Stores a chunk in the caller's transaction: a new source id is accepted, a known one with other content is corrected
     * (its version counted up, its persons' links replaced), the same again is unchanged, and a revoked one cannot come
     * back (its source id is returned among the revoked).
     */
    StoreResult store(List<NewFirmRecord> records, Long batchId);

    Optional<Firm> firm(Uscc uscc);

    /** The firm's records, newest decision first, revoked and expired ones included (the page says which). */
    List<FirmRecord> ofFirm(Uscc uscc);

    /** Firms whose name contains the words or whose code is the one given, at most {@code limit}. */
    List<Firm> search(String words, int limit);

    Optional<FirmRecord> findBySource(DepartmentCode departmentCode, String sourceId);

    /**
     * Revokes the department's record about a firm and the persons' records it names, in one transaction, with the
     * reason; empty when the department holds no such record. A record revoked already is returned as it is.
     */
    Optional<FirmRecord> revokeBySource(DepartmentCode departmentCode, String sourceId, String reason);
}
