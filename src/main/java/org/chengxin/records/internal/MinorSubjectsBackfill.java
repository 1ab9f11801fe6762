package org.chengxin.records.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chengxin.identity.Citizens;
import org.chengxin.shared.cluster.ClusterJobs;
import org.chengxin.shared.id.IdNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides, for records stored before V31, whether the person was a minor on the decision date (see
 * {@code records_record.subject_minor}): until then such a record is not published. A few thousand records at a time,
 * shortly after start and then every ten minutes while any is left; each number decrypted is in the audit trail. New
 * records never need it: the push sets the flag from the number it carries.
 */
@Component
class MinorSubjectsBackfill {

    static final String PURPOSE = "判定记录作出时当事人是否未满18周岁（未成年人信息不予公示）";

    private static final Logger log = LoggerFactory.getLogger(MinorSubjectsBackfill.class);
    private static final int CHUNK = 2_000;

    private final JdbcClient jdbc;
    private final Citizens citizens;
    private final TransactionTemplate tx;
    private final ClusterJobs jobs;

    MinorSubjectsBackfill(JdbcClient jdbc, Citizens citizens, TransactionTemplate tx, ClusterJobs jobs) {
        this.jdbc = jdbc;
        this.citizens = citizens;
        this.tx = tx;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT30S")
    void run() {
        jobs.runOnce("records.minor-backfill", Duration.ofMinutes(5), this::decideAll);
    }

    private void decideAll() {
        int total = 0;
        for (int n = decideNext(); n > 0; n = decideNext()) {
            total += n;
        }
        if (total > 0) {
            log.info("已为 {} 条早期信用记录判定当事人作出决定时是否未成年", total);
        }
    }

    /** Decides one chunk of undecided records in a transaction of its own; the number decided (0 when none is left). */
    int decideNext() {
        Integer n = tx.execute(status -> decideChunk());
        return n == null ? 0 : n;
    }

    private int decideChunk() {
        record Undecided(long id, long subjectId, LocalDate decisionDate) {
        }
        List<Undecided> chunk = jdbc.sql("""
                select id, subject_id, decision_date from records_record where subject_minor is null
                order by id limit :n for update skip locked""")
                .param("n", CHUNK).query((rs, n) -> new Undecided(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class)))
                .list();
        if (chunk.isEmpty()) {
            return 0;
        }
        Map<Long, IdNumber> numbers = citizens.revealAll(chunk.stream().map(Undecided::subjectId).distinct().toList(), PURPOSE);
        List<Long> minors = new ArrayList<>();
        List<Long> adults = new ArrayList<>();
        for (Undecided u : chunk) {
            IdNumber number = numbers.get(u.subjectId());
            // a subject that is gone cannot be decided: kept from publication, as a minor would be
            (number == null || number.isMinorOn(u.decisionDate()) ? minors : adults).add(u.id());
        }
        jdbc.sql("update records_record set subject_minor = true where id = any(:ids)")
                .param("ids", minors.stream().mapToLong(Long::longValue).toArray()).update();
        jdbc.sql("update records_record set subject_minor = false where id = any(:ids)")
                .param("ids", adults.stream().mapToLong(Long::longValue).toArray()).update();
        return chunk.size();
    }
}
