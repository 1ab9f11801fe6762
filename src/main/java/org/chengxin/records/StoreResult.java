package org.chengxin.records;

import java.util.Set;

/**
 * What storing a chunk of records did: new records, corrections (new versions), unchanged repeats,
 * the source ids that name a revoked record (which a push cannot bring back), and the source ids
 * actually stored (new or corrected).
 */
public record StoreResult(int accepted, int corrected, int unchanged, Set<String> revokedSourceIds, Set<String> storedSourceIds) {

    public static final StoreResult NONE = new StoreResult(0, 0, 0, Set.of(), Set.of());
}
