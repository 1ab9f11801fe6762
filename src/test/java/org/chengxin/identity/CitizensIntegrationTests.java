package org.chengxin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Subjects are found by blind index, stored encrypted, and decrypted only for a named purpose. */
@ChengxinIntegrationTest
class CitizensIntegrationTests {

    @Autowired
    Citizens citizens;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditRecords audit;

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
