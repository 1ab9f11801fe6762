package org.chengxin.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditedWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The single writer of the chain. Requests hand it entries and wait until they are durable (group
 * commit): one transaction appends a whole batch, so thousands of audited reads a second cost a
 * few commits, and no request holds a lock on the chain. Entries from business transactions come
 * through the inbox table and are chained the same way. A write handed over with its entries
 * ({@link AuditedWrites}, the measure checks) runs in the writer's transaction, its entries chained
 * in it (a follower puts them into the inbox in that transaction): no inbox round trip on the leader.
 * <p>
 * With several instances on one database, one writer chains: the leader, which holds the session advisory lock
 * {@link #LEADER_LOCK} on a connection of its own for as long as it runs. The other instances' writers are followers:
 * they hand their requests' entries to the inbox table (one transaction per batch, the same group commit; an entry is
 * durable when the request goes on, and chained by the leader within {@link #LEADER_INBOX_EVERY}). A follower tries
 * for the lock every second: when the leader stops or dies, its connection closes, PostgreSQL frees the lock and a
 * follower takes over. Two chainers at once (a leader that lost its connection unnoticed) would still make a valid
 * chain: every append locks the chain's head row.
 */
@Component
class AuditChainWriter implements SmartLifecycle, AuditedWrites {

    private static final Logger log = LoggerFactory.getLogger(AuditChainWriter.class);
    private static final int BATCH = 1000;
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The advisory lock the leader holds ("cxaudt"). */
    static final long LEADER_LOCK = 0x637861756474L;
    /** How often a follower asks for the lock, and the leader checks that its lock's connection is alive. */
    private static final long ELECTION_EVERY_NANOS = Duration.ofSeconds(1).toNanos();
    /** The leader reads the inbox at least this often, however busy with its own instance's entries. */
    static final Duration LEADER_INBOX_EVERY = Duration.ofMillis(200);

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(100_000);
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final AuditInbox inbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ChainHash chainHash;
    private final DataSource dataSource;
    private final boolean election;
    private volatile boolean running;
    private volatile boolean leader;
    private Connection leadership;
    private long lastElection;
    private long lastInboxRead;
    private volatile boolean inboxDirty = true;
    private Thread thread;

    AuditChainWriter(JdbcClient jdbc, JdbcTemplate jdbcTemplate, AuditInbox inbox, TransactionTemplate transactions, Clock clock,
            ChainHash chainHash, DataSource dataSource, @Value("${chengxin.audit.writer-election:true}") boolean election) {
        this.dataSource = dataSource;
        this.election = election;
        this.leader = !election;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.inbox = inbox;
        this.transactions = transactions;
        this.clock = clock;
        this.chainHash = chainHash;
    }

    /** Appends an entry and returns once it is committed to the chain. */
    void appendAndWait(AuditEvent event) {
        Pending pending = new Pending(StoredEntry.unchained(event), null, new CompletableFuture<>());
        if (!running) {
            // Before start or after stop (start-up and shutdown work): write through the inbox.
            transactions.executeWithoutResult(status -> inbox.add(event));
            inboxDirty = true;
            return;
        }
        try {
            if (!queue.offer(pending, WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("审计写入队列已满");
            }
            pending.done().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("等待审计记录写入时被中断", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("审计记录未能写入，操作不予执行", e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T write(Supplier<Audited<T>> write) {
        if (!running || TransactionSynchronizationManager.isActualTransactionActive()) {
            // in the caller's transaction (or a new one): the entries go through the inbox, chained after the commit
            T value = transactions.execute(status -> {
                Audited<T> audited = write.get();
                inbox.addAll(audited.events());
                return audited.value();
            });
            inboxDirty = true;
            return value;
        }
        Pending pending = new Pending(null, (Supplier<Audited<?>>) (Supplier<?>) write, new CompletableFuture<>());
        try {
            if (!queue.offer(pending, WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("审计写入队列已满");
            }
            return (T) pending.done().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("等待审计记录写入时被中断", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException("审计记录未能写入，操作不予执行", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("审计记录未能写入，操作不予执行", e);
        }
    }

    /** Tells the writer that the inbox has new entries (after a business transaction committed). */
    void inboxChanged() {
        inboxDirty = true;
        queue.offer(Pending.WAKE_UP);
    }

    /** Requests waiting in this instance's queue for the writer (each caller waits, at most {@link #WAIT}). */
    int queueLength() {
        return queue.size();
    }

    /** Whether this writer chains (the leader, or the only writer when there is no election). */
    boolean leader() {
        return leader;
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                if (election) {
                    elect();
                }
                List<Pending> batch = new ArrayList<>();
                boolean due = leader && System.nanoTime() - lastInboxRead >= LEADER_INBOX_EVERY.toNanos();
                long idle = election ? LEADER_INBOX_EVERY.toMillis() : 500;
                Pending first = queue.poll(inboxDirty && leader || due ? 0 : idle, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
                batch.removeIf(p -> p == Pending.WAKE_UP);
                if (leader) {
                    boolean readInbox = inboxDirty || first == null || due;
                    inboxDirty = false;
                    if (readInbox) {
                        lastInboxRead = System.nanoTime();
                    }
                    write(batch, readInbox);
                } else {
                    handToInbox(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("审计链写入失败，稍后重试", e);
                inboxDirty = true;
                sleepQuietly();
            }
        }
    }

    /**
     * A follower's batch: into the inbox in one transaction, for the leader to chain. A write handed over with its
     * entries ({@link AuditedWrites}) runs in that transaction and its entries go into the inbox with it. Should the
     * transaction fail, each write is tried alone, so one bad write does not fail the others of its group.
     */
    private void handToInbox(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            handToInboxOnce(batch);
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(e);
                return;
            }
            for (Pending p : batch) {
                try {
                    handToInboxOnce(List.of(p));
                } catch (RuntimeException alone) {
                    p.done().completeExceptionally(alone);
                }
            }
        }
    }

    private void handToInboxOnce(List<Pending> batch) {
        Map<Pending, Object> values = new IdentityHashMap<>();
        transactions.executeWithoutResult(status -> {
            for (Pending p : batch) {
                if (p.write() != null) {
                    Audited<?> audited = p.write().get();
                    inbox.addAll(audited.events());
                    values.put(p, audited.value());
                } else if (p.entry() != null) {
                    inbox.add(p.entry());
                }
            }
        });
        batch.forEach(p -> p.done().complete(values.get(p)));
    }

    /** A follower asks for the lock; the leader makes sure it still holds it (its connection alive). */
    private void elect() {
        long now = System.nanoTime();
        if (now - lastElection < ELECTION_EVERY_NANOS) {
            return;
        }
        lastElection = now;
        if (leader) {
            boolean alive;
            try {
                alive = leadership.isValid(2);
            } catch (SQLException e) {
                alive = false;
            }
            if (!alive) {
                log.warn("审计链写入：持有主写入锁的数据库连接已断开，本实例转为向收件表交付");
                resign();
            }
            return;
        }
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
            boolean won;
            try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?)")) {
                s.setLong(1, LEADER_LOCK);
                try (ResultSet rs = s.executeQuery()) {
                    won = rs.next() && rs.getBoolean(1);
                }
            }
            if (won) {
                leadership = c;
                c = null;
                leader = true;
                inboxDirty = true;
                log.info("审计链写入：本实例成为主写入者");
            }
        } catch (SQLException e) {
            log.warn("审计链写入：未能争取主写入锁，稍后重试：{}", e.getClass().getSimpleName());
        } finally {
            closeQuietly(c);
        }
    }

    /** Gives the lock up (its connection goes back to the pool without it). */
    private void resign() {
        Connection c = leadership;
        leadership = null;
        leader = !election;
        if (c != null) {
            try (PreparedStatement s = c.prepareStatement("select pg_advisory_unlock(?)")) {
                s.setLong(1, LEADER_LOCK);
                s.execute();
            } catch (SQLException e) {
                // a broken connection: PostgreSQL freed the lock with its session
                log.debug("审计链写入：释放主写入锁失败：{}", e.getClass().getSimpleName());
            }
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                log.debug("关闭数据库连接失败：{}", e.getClass().getSimpleName());
            }
        }
    }

    private void write(List<Pending> batch, boolean readInbox) {
        if (batch.isEmpty() && !readInbox) {
            return;
        }
        if (batch.stream().noneMatch(p -> p.write() != null)) {
            writeOnce(batch, readInbox);
            return;
        }
        try {
            writeOnce(batch, readInbox);
        } catch (RuntimeException e) {
            // a write that fails must not take the others of its group with it: each write alone, then the entries
            inboxDirty = true;
            List<Pending> entries = new ArrayList<>();
            for (Pending p : batch) {
                if (p.write() == null) {
                    entries.add(p);
                } else if (batch.size() == 1 && !readInbox) {
                    p.done().completeExceptionally(e);
                } else {
                    try {
                        writeOnce(List.of(p), false);
                    } catch (RuntimeException alone) {
                        p.done().completeExceptionally(alone);
                    }
                }
            }
            write(entries, false);
        }
    }

    /** One transaction: the inbox (when asked), the batch's writes and entries; completes the batch, or fails it and throws. */
    private void writeOnce(List<Pending> batch, boolean readInbox) {
        Map<Pending, Object> values = new IdentityHashMap<>();
        try {
            int written = transactions.execute(status -> {
                List<StoredEntry> entries = new ArrayList<>(batch.size());
                List<UUID> fromInbox = List.of();
                if (readInbox) {
                    List<StoredEntry> waiting = inbox.take(BATCH);
                    fromInbox = waiting.stream().map(StoredEntry::eventId).toList();
                    // an inbox entry may already be chained: a crash between chaining it and deleting it
                    Set<UUID> chained = alreadyChained(fromInbox);
                    waiting.stream().filter(e -> !chained.contains(e.eventId())).forEach(entries::add);
                    if (waiting.size() == BATCH) {
                        inboxDirty = true;
                    }
                }
                for (Pending p : batch) {
                    if (p.write() != null) {
                        Audited<?> audited = p.write().get();
                        values.put(p, audited.value());
                        audited.events().forEach(event -> entries.add(StoredEntry.unchained(event)));
                    } else if (p.entry() != null) {
                        entries.add(p.entry());
                    }
                }
                int n = append(entries);
                inbox.remove(fromInbox);
                return n;
            });
            batch.forEach(p -> p.done().complete(values.get(p)));
            if (written > 0) {
                log.debug("审计链追加 {} 条", written);
            }
        } catch (RuntimeException e) {
            batch.stream().filter(p -> p.write() == null).forEach(p -> p.done().completeExceptionally(e));
            throw e;
        }
    }

    private int append(List<StoredEntry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        record Head(long seq, String hash) {
        }
        Head head = jdbc.sql("select seq, hash from audit_chain_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional()
                .orElse(new Head(0, ChainHash.GENESIS));
        Instant now = Instant.now(clock);
        long seq = head.seq();
        String hash = head.hash();
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (StoredEntry e : entries) {
            StoredEntry c = e.chained(++seq, now, hash, chainHash);
            hash = c.hash();
            rows.add(new Object[] {c.seq(), c.eventId(), Timestamp.from(c.occurredAt()), Timestamp.from(c.recordedAt()),
                c.actor(), c.role(), c.department(), c.action(), c.subjectHex(), c.purpose(), c.outcome(), c.detail(),
                c.prevHash(), c.hash()});
        }
        jdbcTemplate.batchUpdate("""
                insert into audit_entry (seq, event_id, occurred_at, recorded_at, actor, role, department, action,
                    subject_index, purpose, outcome, detail, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        jdbc.sql("""
                insert into audit_chain_head (id, seq, hash) values (1, :seq, :hash)
                on conflict (id) do update set seq = excluded.seq, hash = excluded.hash""")
                .param("seq", seq).param("hash", hash).update();
        return rows.size();
    }

    private Set<UUID> alreadyChained(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select event_id from audit_entry where event_id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new)).query(UUID.class).list());
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "audit-chain-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        queue.offer(Pending.WAKE_UP);
        try {
            thread.join(WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (election && !thread.isAlive()) {
            resign();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Flushes whatever is waiting; used by verification and tests to see a settled chain. A follower hands what it
     * holds to the inbox and waits (at most {@link #WAIT}) until the leader has chained the inbox.
     */
    void flush() {
        if (running) {
            inboxDirty = true;
            Pending marker = new Pending(null, null, new CompletableFuture<>());
            queue.offer(marker);
            try {
                marker.done().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (!leader && System.nanoTime() < deadline
                        && Boolean.TRUE.equals(jdbc.sql("select exists (select 1 from audit_inbox)").query(Boolean.class).single())) {
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("审计链刷新失败", e);
            }
        }
    }

    /** An entry to append, or a write with its entries (an {@link AuditedWrites} call), and its caller's future. */
    private record Pending(StoredEntry entry, Supplier<Audited<?>> write, CompletableFuture<Object> done) {
        static final Pending WAKE_UP = new Pending(null, null, CompletableFuture.completedFuture(null));
    }
}
