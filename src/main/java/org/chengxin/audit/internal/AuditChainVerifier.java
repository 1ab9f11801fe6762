package org.chengxin.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.chengxin.audit.AuditVerification;
import org.chengxin.audit.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the chain from the first entry: every sequence number must follow the last, every entry
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

    AuditChainVerifier(JdbcTemplate jdbc, AuditChainWriter writer, Clock clock, ChainHash chainHash,
            PlatformTransactionManager transactionManager) {
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
        Walk walk = new Walk(chainHash);
        jdbc.query(con -> {
            con.setAutoCommit(false);
            var statement = con.prepareStatement("select * from audit_entry order by seq");
            statement.setFetchSize(5000);
            return statement;
        }, walk);
        Instant now = Instant.now(clock);
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
        final ChainHash chainHash;
        long checked;
        long lastSeq;
        String lastHash = ChainHash.GENESIS;
        Long brokenAt;
        String reason;

        Walk(ChainHash chainHash) {
            this.chainHash = chainHash;
        }

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            if (brokenAt != null) {
                return;
            }
            StoredEntry e = read(rs);
            checked++;
            if (e.seq() != lastSeq + 1) {
                fail(lastSeq + 1, "缺少第 " + (lastSeq + 1) + " 条记录（记录被删除）");
            } else if (!e.prevHash().equals(lastHash)) {
                fail(e.seq(), "第 " + e.seq() + " 条记录的前序哈希与上一条不符");
            } else if (!chainHash.of(e.prevHash(), e).equals(e.hash())) {
                fail(e.seq(), "第 " + e.seq() + " 条记录的内容与其哈希不符（记录被篡改）");
            }
            lastSeq = e.seq();
            lastHash = e.hash();
        }

        private void fail(long seq, String why) {
            brokenAt = seq;
            reason = why;
        }

        private static StoredEntry read(ResultSet rs) throws SQLException {
            return new StoredEntry(rs.getLong("seq"), rs.getObject("event_id", UUID.class),
                    rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("recorded_at").toInstant(),
                    rs.getString("actor"), rs.getString("role"), rs.getString("department"), rs.getString("action"),
                    rs.getString("subject_index"), rs.getString("purpose"), rs.getString("outcome"),
                    rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));
        }
    }
}
