package org.chengxin.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.chengxin.audit.AuditVerification;
import org.chengxin.audit.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the chain from the first entry (or, once the old part is archived, from the last archive's anchor, the
 * anchors themselves checked from the genesis: {@link ArchiveAnchor#startOf}): every sequence number must follow the last, every entry
 * must point to the previous hash and hash to its own, and the last must be the recorded head.
 * Reports the first broken link. The walk and the head are read in one snapshot (repeatable read), so entries a
 * running platform appends meanwhile are neither walked nor taken for a head out of step, and an entry past the head
 * in that snapshot is still found.
 */
@Service
class AuditChainVerifier implements AuditTrail {

    private final JdbcTemplate jdbc;
    private final AuditChainWriter writer;
    private final Clock clock;
    private final ChainHash chainHash;
    private final TransactionTemplate snapshot;
    private final ArchiveAnchors anchors;

    AuditChainVerifier(JdbcTemplate jdbc, AuditChainWriter writer, Clock clock, ChainHash chainHash,
            PlatformTransactionManager transactionManager, ArchiveAnchors anchors) {
        this.anchors = anchors;
        this.jdbc = jdbc;
        this.writer = writer;
        this.clock = clock;
        this.chainHash = chainHash;
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    @Override
    public AuditVerification verify() {
        writer.flush();
        return snapshot.execute(status -> walkToHead());
    }

    private AuditVerification walkToHead() {
        Instant now = Instant.now(clock);
        ArchiveAnchor.Start start = ArchiveAnchor.startOf(anchors.all(), chainHash);
        if (start.brokenAt() != null) {
            return new AuditVerification(false, 0, start.brokenAt(), start.reason(), now);
        }
        Walk walk = new Walk(chainHash, start.seq(), start.hash());
        jdbc.query(con -> {
            con.setAutoCommit(false);
            var statement = con.prepareStatement("select * from audit_entry order by seq");
            statement.setFetchSize(5000);
            return statement;
        }, walk);
        if (walk.brokenAt != null) {
            return new AuditVerification(false, walk.checked, walk.brokenAt, walk.reason, now);
        }
        var head = jdbc.query("select seq, hash from audit_chain_head where id = 1",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)});
        long headSeq = head.isEmpty() ? 0 : (long) head.get(0)[0];
        String headHash = head.isEmpty() ? ChainHash.GENESIS : (String) head.get(0)[1];
        if (headSeq != walk.lastSeq || !headHash.equals(walk.lastHash)) {
            return new AuditVerification(false, walk.checked, walk.lastSeq + 1,
                    "链尾与记录的链头（第 " + headSeq + " 条）不一致：末尾的记录被删除或篡改", now);
        }
        return new AuditVerification(true, walk.checked, null, null, now);
    }

    /**
     * The entries of the trail: the head's sequence number, written with each entry in the same transaction (the chain
     * numbers its entries from 1 without a gap, which {@link #verify()} checks), read at once instead of counted (over a
     * year of the city, millions of entries, a count took most of the auditor's page).
     */
    @Override
    public long size() {
        writer.flush();
        List<Long> head = jdbc.queryForList("select seq from audit_chain_head where id = 1", Long.class);
        return head.isEmpty() || head.get(0) == null ? 0 : head.get(0);
    }

    /** Stops at the first broken link. */
    private static final class Walk implements RowCallbackHandler {
        final ArchiveFile.Links links;
        long checked;
        long lastSeq;
        String lastHash;
        Long brokenAt;
        String reason;

        Walk(ChainHash chainHash, long archivedThrough, String anchorHash) {
            this.links = new ArchiveFile.Links(chainHash, archivedThrough, anchorHash);
            this.lastSeq = archivedThrough;
            this.lastHash = anchorHash;
        }

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            if (brokenAt != null) {
                return;
            }
            StoredEntry e = StoredEntry.from(rs);
            checked++;
            try {
                links.next(e);
            } catch (ArchiveFile.BrokenLink broken) {
                brokenAt = broken.seq;
                reason = broken.getMessage();
            }
            // past a break the walk goes no further; the tail check compares the head with the last entry read
            lastSeq = e.seq();
            lastHash = e.hash();
        }
    }
}
