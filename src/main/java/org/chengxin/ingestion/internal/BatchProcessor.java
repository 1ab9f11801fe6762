package org.chengxin.ingestion.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import org.chengxin.catalog.domain.CatalogVersion;
import org.chengxin.firms.FirmRecords;
import org.chengxin.firms.NewFirmRecord;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister.NameMatch;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.identity.SubjectLookup;
import org.chengxin.ingestion.domain.Candidate;
import org.chengxin.ingestion.domain.FirmRow;
import org.chengxin.ingestion.domain.PushTimeliness;
import org.chengxin.ingestion.domain.RawRow;
import org.chengxin.ingestion.domain.Rejection;
import org.chengxin.ingestion.domain.ResponsiblePersons;
import org.chengxin.ingestion.domain.RowChecks;
import org.chengxin.ingestion.internal.BatchStore.Counts;
import org.chengxin.records.NewRecord;
import org.chengxin.records.RecordStatus;
import org.chengxin.records.Records;
import org.chengxin.records.StoreResult;
import org.chengxin.shared.firm.ResponsibleRole;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.time.WorkingCalendar;

/**
 * Takes a batch's rows one by one, checks each, and every {@value #CHUNK} rows checks the names
 * against the population register, enrolls the subjects and stores the records in bulk. Holds one
 * chunk in memory whatever the size of the file.
 */
final class BatchProcessor {

    static final int CHUNK = 5000;

    /** Chunks being stored at once by a batch that is not all-or-nothing: reading goes on meanwhile. */
    static final int WRITERS = 2;

    /** Where a chunk's results go: stored in one transaction or another, depending on the batch. */
    interface ChunkSink {
        void write(Runnable work);

        void reject(List<Rejection> rejections);

        /** Progress is written outside an atomic batch's transaction, so the uploader sees it move. */
        void progress(Runnable update);
    }

    private final long batchId;
    private final DepartmentCode department;
    private final CatalogVersion version;
    private final RowChecks checks;
    private final Citizens citizens;
    private final PopulationRegister register;
    private final Records records;
    private final BatchStore store;
    private final ChunkSink sink;
    private final Clock clock;
    private final WorkingCalendar calendar;
    /** Working days from a decision date to today, counted once per date for the batch. */
    private final Map<LocalDate, Long> daysToPush = new ConcurrentHashMap<>();
    /** The upstream platform's name when the batch imports its list; null for a department's push. */
    private String upstream;
    /** Where the rows about firms go (issue 18 item 3). */
    private FirmRecords firms;
    private final Counts counts;
    /** Null for an atomic batch: its chunks are stored one after the other, in its one transaction. */
    private final ExecutorService writers;
    private final Semaphore inFlight = new Semaphore(WRITERS);
    private final List<Future<?>> pending = new ArrayList<>();
    private final SourceIdSet seen = new SourceIdSet();
    private final List<Candidate> chunk = new ArrayList<>(CHUNK);
    private final List<Rejection> rejected = new ArrayList<>();
    /** Nanoseconds spent per phase, for the operations log. */
    private final long[] phases = new long[5];
    private static final String[] PHASE_NAMES = {"逐行校验", "姓名核对", "登记当事人", "记录入库", "拒绝明细与进度"};

    BatchProcessor(long batchId, DepartmentCode department, CatalogVersion version, RowChecks checks, Citizens citizens,
            PopulationRegister register, Records records, BatchStore store, ChunkSink sink, Clock clock, WorkingCalendar calendar,
            Counts counts, ExecutorService writers) {
        this.calendar = calendar;
        this.counts = counts;
        this.writers = writers;
        this.batchId = batchId;
        this.department = department;
        this.version = version;
        this.checks = checks;
        this.citizens = citizens;
        this.register = register;
        this.records = records;
        this.store = store;
        this.sink = sink;
        this.clock = clock;
    }

    void upstream(String platformName) {
        this.upstream = platformName;
    }

    void firms(FirmRecords firmRecords) {
        this.firms = firmRecords;
    }

    void accept(RawRow row) {
        synchronized (counts) {
            counts.processed++;
        }
        long t = System.nanoTime();
        RowChecks.Result result = checks.check(row);
        if (!result.passed()) {
            if (result.rejections().stream().anyMatch(r -> r.code().equals(RowChecks.BAD_ENCODING))) {
                synchronized (counts) {
                    counts.badEncoding++;
                }
            }
            String source = row.get("sourceId");
            reject(result.rejections().stream().map(r -> r.withSourceId(source)).toList());
        } else if (!seen.add(result.candidate().sourceId())) {
            reject(List.of(new Rejection(row.rowNo(), "sourceId", "DUPLICATE_IN_BATCH", "同一批次中来源编号重复，只保留先出现的一条")
                    .withSourceId(result.candidate().sourceId())));
        } else {
            chunk.add(result.candidate());
        }
        phases[0] += System.nanoTime() - t;
        // a file of mostly bad rows must not gather its rejections in memory either
        if (chunk.size() >= CHUNK || rejectedCount() >= CHUNK) {
            flush();
        }
    }

    Counts finish() {
        flush();
        for (Future<?> f : pending) {
            waitFor(f);
        }
        pending.clear();
        writeRejectionsAndProgress();
        return counts;
    }

    private static void waitFor(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("批次处理被中断", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private int rejectedCount() {
        synchronized (rejected) {
            return rejected.size();
        }
    }

    private synchronized void addPhase(int phase, long nanos) {
        phases[phase] += nanos;
    }

    /** Where the time went (summed over the writers), e.g. for a slow batch in the operations log. */
    String timings() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < phases.length; i++) {
            s.append(i == 0 ? "" : "，").append(PHASE_NAMES[i]).append(' ').append(phases[i] / 1_000_000).append(" ms");
        }
        return s.toString();
    }

    private void reject(List<Rejection> rejections) {
        synchronized (rejected) {
            rejected.addAll(rejections);
        }
        synchronized (counts) {
            counts.rejected++;
        }
    }

    private void flush() {
        List<Candidate> rows = List.copyOf(chunk);
        chunk.clear();
        if (writers == null) {
            sink.write(() -> store(rows));
        } else {
            // a failed chunk stops the batch at the next flush, as it would have at once without writers
            pending.removeIf(f -> {
                if (f.isDone()) {
                    waitFor(f);
                    return true;
                }
                return false;
            });
            inFlight.acquireUninterruptibly();
            pending.add(writers.submit(() -> {
                try {
                    sink.write(() -> store(rows));
                } finally {
                    inFlight.release();
                }
            }));
        }
        writeRejectionsAndProgress();
    }

    private void writeRejectionsAndProgress() {
        long t = System.nanoTime();
        List<Rejection> toWrite;
        synchronized (rejected) {
            toWrite = List.copyOf(rejected);
            rejected.clear();
        }
        sink.reject(toWrite);
        sink.progress(() -> {
            synchronized (counts) {
                store.progress(batchId, counts);
            }
        });
        phases[4] += System.nanoTime() - t;
    }

    private void store(List<Candidate> chunkRows) {
        if (chunkRows.isEmpty()) {
            return;
        }
        // a row about a firm names its responsible persons: each becomes a person's row of the same item, checked,
        // enrolled and stored with the others; the firm's record is stored after them, with the links
        List<Candidate> firmRows = chunkRows.stream().filter(Candidate::aboutFirm).toList();
        Map<String, Candidate> derivedFrom = new HashMap<>();
        List<Candidate> rows = new ArrayList<>(chunkRows.size());
        for (Candidate c : chunkRows) {
            if (!c.aboutFirm()) {
                rows.add(c);
            } else if (!c.ends()) {
                for (FirmRow.Responsible p : c.firm().persons()) {
                    Candidate person = ResponsiblePersons.rowOf(c, p);
                    derivedFrom.put(person.sourceId(), c);
                    rows.add(person);
                }
            }
        }
        Set<Long> refusedFirmRows = new HashSet<>();
        long t = System.nanoTime();
        Map<IdNumber, String> names = new HashMap<>();
        rows.forEach(c -> names.putIfAbsent(c.idNumber(), c.name()));
        // the chunk's people are looked up once, for the name check and the enrolment both
        SubjectLookup lookup = citizens.lookUp(names.keySet());
        Map<IdNumber, NameMatch> matches = register.checkNames(names, lookup);
        List<Candidate> named = new ArrayList<>(rows.size());
        for (Candidate c : rows) {
            // the same person twice in a chunk under another spelling: checked on its own
            NameMatch match = c.name().equals(names.get(c.idNumber())) ? matches.get(c.idNumber())
                    : register.checkName(c.idNumber(), c.name());
            Candidate firm = derivedFrom.get(c.sourceId());
            if (match == NameMatch.MISMATCH && firm != null) {
                refusedFirmRows.add(firm.rowNo());
                reject(List.of(ResponsiblePersons.nameMismatch(c, firm)));
            } else if (match == NameMatch.MISMATCH) {
                reject(List.of(new Rejection(c.rowNo(), "name", "NAME_MISMATCH", "姓名与人口基础信息不符").withSourceId(c.sourceId())));
            } else {
                named.add(c);
            }
        }
        // one person of a firm's row not matching the register refuses the whole row: the firm's record and the others'
        named.removeIf(c -> derivedFrom.containsKey(c.sourceId()) && refusedFirmRows.contains(derivedFrom.get(c.sourceId()).rowNo()));
        addPhase(1, System.nanoTime() - t);
        t = System.nanoTime();
        List<Candidate> ending = named.stream().filter(Candidate::ends).toList();
        if (!ending.isEmpty()) {
            end(ending, lookup);
            named = named.stream().filter(c -> !c.ends()).toList();
        }
        Map<IdNumber, CitizenRef> subjects = citizens.enrollAll(lookup, named.stream().map(Candidate::idNumber).toList());
        addPhase(2, System.nanoTime() - t);
        t = System.nanoTime();
        List<NewRecord> records = new ArrayList<>(named.size());
        List<NewRecord> personsOfFirms = new ArrayList<>();
        Map<String, Candidate> bySource = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        for (Candidate c : named) {
            CitizenRef subject = subjects.get(c.idNumber());
            NewRecord record = new NewRecord(subject.subject(), subject.id(), c.item(), version.id(), department, c.sourceId(),
                    c.decisionDate(), c.documentNumber(), c.content(), c.repairNotice(), c.idNumber().isMinorOn(c.decisionDate()));
            (derivedFrom.containsKey(c.sourceId()) ? personsOfFirms : records).add(record);
            bySource.put(c.sourceId(), c);
        }
        List<Candidate> storedFirms = storeFirms(firmRows, refusedFirmRows, personsOfFirms);
        if (records.isEmpty()) {
            addPhase(3, System.nanoTime() - t);
            countTimeliness(storedFirms, today, Set.copyOf(storedFirms.stream().map(Candidate::sourceId).toList()));
            return;
        }
        StoreResult result = this.records.store(records, batchId);
        addPhase(3, System.nanoTime() - t);
        count(result, bySource);
        countTimeliness(storedFirms, today, Set.copyOf(storedFirms.stream().map(Candidate::sourceId).toList()));
        countTimeliness(named.stream().filter(c -> !derivedFrom.containsKey(c.sourceId())).toList(), today,
                result.storedSourceIds());
    }

    /**
     * The rows about firms that passed: the persons' records they name first, then the firms' own with the links; a firm's
     * row counts once, as its own record does. Returns the rows whose firm record was stored (new or corrected).
     */
    private List<Candidate> storeFirms(List<Candidate> firmRows, Set<Long> refused, List<NewRecord> persons) {
        List<Candidate> kept = firmRows.stream().filter(c -> !refused.contains(c.rowNo())).toList();
        if (kept.isEmpty()) {
            return List.of();
        }
        List<Candidate> ending = kept.stream().filter(Candidate::ends).toList();
        if (!ending.isEmpty()) {
            endFirms(ending);
        }
        // the persons' records are not the rows': a push of 10 firms' rows naming 20 persons has 10 rows accepted
        Set<String> personsStored = persons.isEmpty() ? Set.of() : this.records.store(persons, batchId).storedSourceIds();
        List<NewFirmRecord> firmRecords = new ArrayList<>();
        Map<String, Candidate> firmsBySource = new HashMap<>();
        for (Candidate c : kept) {
            if (c.ends()) {
                continue;
            }
            Map<ResponsibleRole, String> links = new EnumMap<>(ResponsibleRole.class);
            c.firm().persons().forEach(p -> links.put(p.role(), p.role().sourceIdOf(c.sourceId())));
            firmRecords.add(new NewFirmRecord(c.firm().uscc(), c.firm().name(), c.item(), version.id(), department, c.sourceId(),
                    c.decisionDate(), c.documentNumber(), c.content(), links));
            firmsBySource.put(c.sourceId(), c);
        }
        if (firmRecords.isEmpty()) {
            return List.of();
        }
        StoreResult stored = firms.store(firmRecords, batchId);
        // a row whose firm's record is as it was but which names another person under a role corrected that person's
        // record: the row counts as corrected, not unchanged
        int moved = (int) kept.stream().filter(c -> !c.ends() && !stored.storedSourceIds().contains(c.sourceId())
                && !stored.revokedSourceIds().contains(c.sourceId())
                && c.firm().persons().stream().anyMatch(p -> personsStored.contains(p.role().sourceIdOf(c.sourceId())))).count();
        StoreResult result = new StoreResult(stored.accepted(), stored.corrected() + moved, stored.unchanged() - moved,
                stored.revokedSourceIds(), stored.storedSourceIds());
        count(result, firmsBySource);
        return kept.stream().filter(c -> result.storedSourceIds().contains(c.sourceId())).toList();
    }

    /** The rows of an upstream list saying a firm's entry ended: its record and its persons' are revoked. */
    private void endFirms(List<Candidate> ending) {
        int ended = 0;
        int unchanged = 0;
        for (Candidate c : ending) {
            var held = firms.findBySource(department, c.sourceId()).orElse(null);
            if (held == null || "REVOKED".equals(held.status())) {
                unchanged++;
                continue;
            }
            firms.revokeBySource(department, c.sourceId(), "上级平台（" + upstream + "）名单通报该条目已于 " + c.endedOn()
                    + " 移出或撤销（名单导入批次 " + batchId + "）");
            ended++;
        }
        synchronized (counts) {
            counts.ended += ended;
            counts.unchanged += unchanged;
        }
    }

    private void count(StoreResult result, Map<String, Candidate> bySource) {
        synchronized (counts) {
            counts.accepted += result.accepted();
            counts.corrected += result.corrected();
            counts.unchanged += result.unchanged();
        }
        for (String source : result.revokedSourceIds()) {
            reject(List.of(new Rejection(bySource.get(source).rowNo(), "sourceId", "RECORD_REVOKED", "该来源编号的记录已撤销，不能再次报送")
                    .withSourceId(source)));
        }
    }

    private void countTimeliness(List<Candidate> rows, LocalDate today, Set<String> stored) {
        for (Candidate c : rows) {
            // timeliness counts what this push brought: repeats of unchanged records do not count again
            if (stored.contains(c.sourceId())) {
                long days = daysToPush.computeIfAbsent(c.decisionDate(), d -> PushTimeliness.workingDays(calendar, d, today));
                synchronized (counts) {
                    counts.daysToPush += days;
                    if (PushTimeliness.late(days)) {
                        counts.late++;
                    }
                }
            }
        }
    }

    /**
     * The rows of an upstream list saying that their entry ended: the record the platform holds under the source id is
     * revoked, in the chunk's transaction, with a reason naming the upstream platform and the day; one already revoked,
     * or none held (an entry that came and went before the city received it), is left as it is and counted unchanged, so
     * that a delivery replayed changes nothing. The person is never enrolled for an entry that ended. A record held under
     * the source id about another person is not touched: the row is refused.
     */
    private void end(List<Candidate> ending, SubjectLookup lookup) {
        int ended = 0;
        int unchanged = 0;
        for (Candidate c : ending) {
            var held = records.findBySource(department, c.sourceId()).orElse(null);
            if (held == null || held.status() == RecordStatus.REVOKED) {
                unchanged++;
                continue;
            }
            if (!held.subject().equals(lookup.keys().get(c.idNumber()))) {
                reject(List.of(new Rejection(c.rowNo(), "idNumber", "INBOUND_END_SUBJECT_MISMATCH",
                        "该来源编号的名单条目记载的是另一人，未予结束：请核对来源编号和身份证号").withSourceId(c.sourceId())));
                continue;
            }
            records.revoke(held.id(), department, "上级平台（" + upstream + "）名单通报该条目已于 " + c.endedOn()
                    + " 移出或撤销（名单导入批次 " + batchId + "）");
            ended++;
        }
        synchronized (counts) {
            counts.ended += ended;
            counts.unchanged += unchanged;
        }
    }
}
