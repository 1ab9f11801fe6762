package org.chengxin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.chengxin.archives.domain.Archive;
import org.chengxin.archives.domain.ArchiveRules;
import org.chengxin.archives.internal.ArchiveDesk;
import org.chengxin.organization.Accounts;
import org.chengxin.records.Records;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.support.IntegrationTestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The demo has the archives working for teachers (教育局), physicians (卫健委) and lawyers (司法局), and the student archive
 * (教育局): each reviewer's department holds its archive and the archive has members, from records pushed through
 * ingestion.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chengxin.demo.enabled=true", "chengxin.demo.citizens=300", "chengxin.demo.records-per-item=5"})
@Import(IntegrationTestConfiguration.class)
@DisabledIfSystemProperty(named = "spring.profiles.active", matches = ".*prod.*", disabledReason = "prod never loads demo data")
class DemoArchivesIntegrationTests {

    @Autowired
    ArchiveDesk desk;

    @Autowired
    Accounts accounts;

    @Test
    void theDemoReviewersOfJusticeHealthAndEducationEachHaveMembersInTheirArchives() {
        DemoArchives.REVIEWERS.forEach(r -> assertThat(accounts.staffExists(r[0])).as(r[0]).isTrue());
        assertMembers("sfj", "LAWYER");
        assertMembers("wjw", "PHYSICIAN");
        assertMembers("jyj", "TEACHER");
        assertMembers("jyj", ArchiveRules.STUDENTS);
    }

    private void assertMembers(String department, String code) {
        List<Archive> held = desk.heldBy(DepartmentCode.of(department));
        assertThat(held).extracting(Archive::code).as(department).contains(code);
        Archive archive = desk.held(DepartmentCode.of(department), code);
        assertThat(desk.members(archive, null, PageRequest.of(null, null, null, null, Records.HOLDER_SORT)).total())
                .as(department + " " + code).isPositive();
    }
}
