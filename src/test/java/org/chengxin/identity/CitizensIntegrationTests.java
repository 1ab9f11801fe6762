package org.chengxin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Subjects are found by blind index, stored encrypted, and decrypted only for a named purpose. */
@ChengxinIntegrationTest
class CitizensIntegrationTests {

    @Autowired
    Citizens citizens;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditRecords audit;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcTemplate jdbc;

    /**
     * Bulk enrolment COPYs new people straight into the table; somebody another transaction enrolled meanwhile makes
     * that COPY fail, and the chunk is enrolled the staged way instead: one subject per number, the same for both.
     */
    @Test
    void bulkEnrolmentMeetingAConcurrentOneKeepsOneSubjectPerNumber() throws Exception {
        IdNumber a = fixtures.syntheticIdNumber();
        IdNumber shared = fixtures.syntheticIdNumber();
        IdNumber c = fixtures.syntheticIdNumber();
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        CountDownLatch firstEnrolled = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        CompletableFuture<Map<IdNumber, CitizenRef>> first = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
            Map<IdNumber, CitizenRef> refs = citizens.enrollAll(List.of(a, shared));
            firstEnrolled.countDown();
            try {
                commitFirst.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return refs;
        }));
        assertThat(firstEnrolled.await(60, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Map<IdNumber, CitizenRef>> second = CompletableFuture.supplyAsync(
                () -> tx.execute(status -> citizens.enrollAll(List.of(shared, c))));
        // the second COPY waits for the first transaction's uncommitted row of the shared number
        while (jdbc.queryForObject("select count(*) from pg_locks where not granted", Integer.class) == 0 && !second.isDone()) {
            Thread.onSpinWait();
        }
        commitFirst.countDown();

        Map<IdNumber, CitizenRef> one = first.get(60, TimeUnit.SECONDS);
        Map<IdNumber, CitizenRef> two = second.get(60, TimeUnit.SECONDS);
        assertThat(two.get(shared)).isEqualTo(one.get(shared));
        assertThat(two.get(c).subject()).isEqualTo(citizens.subjectKeyOf(c));
        assertThat(citizens.find(a)).contains(one.get(a));
        assertThat(citizens.find(c)).contains(two.get(c));
        assertThat(jdbc.queryForObject("select count(*) from identity_subject where blind_index = ?", Integer.class,
                citizens.subjectKeyOf(shared).bytes())).isEqualTo(1);
    }

    @Test
    void enrollsOnceAndFindsTheSameSubjectByNumber() {
        IdNumber number = fixtures.syntheticIdNumber();

        CitizenRef first = citizens.enroll(number);
        CitizenRef second = citizens.enroll(number);

        assertThat(second).isEqualTo(first);
        assertThat(citizens.find(number)).contains(first);
        assertThat(first.maskedId()).isEqualTo(number.masked());
        assertThat(first.subject()).isEqualTo(citizens.subjectKeyOf(number));
        assertThat(first.subject().bytes()).hasSize(SubjectKey.LENGTH);
        assertThat(citizens.find(fixtures.syntheticIdNumber())).isEmpty();
    }

    @Test
    void revealingANumberNeedsAPurposeAndIsAudited() {
        IdNumber number = fixtures.syntheticIdNumber();
        CitizenRef subject = citizens.enroll(number);

        assertThat(citizens.reveal(subject.id(), "打印信用报告")).isEqualTo(number);
        assertThat(audit.count("action = 'identity.reveal' and subject_index = ? and purpose = '打印信用报告'", subject.subject()))
                .isEqualTo(1);
        assertThatThrownBy(() -> citizens.reveal(subject.id(), " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
