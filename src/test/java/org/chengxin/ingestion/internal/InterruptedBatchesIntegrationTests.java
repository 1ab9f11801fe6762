package org.chengxin.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.chengxin.ingestion.BatchFormat;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A batch whose instance stopped is ended; one that is still reporting progress is left alone. */
@ChengxinIntegrationTest
class InterruptedBatchesIntegrationTests {

    @Autowired
    JdbcRecordBatches batches;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    BatchStore store;

    @Test
    void onlyBatchesWithoutActivityForTwoMinutesAreMarkedInterrupted() {
        String department = fixtures.department();
        long stale = batch(department, "1 hour");
        long running = batch(department, "30 seconds");

        batches.endInterruptedBatches();

        assertThat(status(stale)).isEqualTo("INTERRUPTED");
        assertThat(jdbc.sql("select failure from ingestion_batch where id = :id").param("id", stale).query(String.class).single())
                .startsWith("INTERRUPTED");
        assertThat(status(running)).isEqualTo("PROCESSING");
    }

    @Test
    void aNewBatchReceivedOnAPlatformClockFarBehindTheDatabasesIsNotTakenForAbandoned() {
        // tests and a platform with its clock set apart stamp the receipt with their own time; activity is the database's
        long received = store.create(DepartmentCode.of(fixtures.department()), "test", BatchFormat.CSV, "旧时钟.csv", false,
                Instant.parse("2020-01-01T00:00:00Z"));

        batches.endInterruptedBatches();

        assertThat(status(received)).isEqualTo("RECEIVED");
    }

    private long batch(String department, String quietFor) {
        return jdbc.sql("""
                insert into ingestion_batch (department_code, submitted_by, format, atomic, status, submitted_at, last_activity_at)
                values (:d, 'test', 'CSV', false, 'PROCESSING', now(), now() - cast(:q as interval)) returning id""")
                .param("d", department).param("q", quietFor).query(Long.class).single();
    }

    private String status(long id) {
        return jdbc.sql("select status from ingestion_batch where id = :id").param("id", id).query(String.class).single();
    }
}
