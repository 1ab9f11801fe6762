package org.chengxin.archives.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chengxin.catalog.domain.DisclosureScope;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.ItemKind;
import org.chengxin.catalog.domain.KeyGroup;
import org.chengxin.catalog.domain.LegalBasis;
import org.chengxin.catalog.domain.Severity;
import org.junit.jupiter.api.Test;

/** Which archives a department holds, from the items it may push. */
class ArchiveRulesTests {

    private static final List<KeyGroup> GROUPS = List.of(new KeyGroup("LAWYER", "律师"), new KeyGroup("TEACHER", "教师"),
            new KeyGroup("PHYSICIAN", "医师"));

    private static final List<Item> ITEMS = List.of(
            item("JD-005", "JUDICIAL", Set.of("sfj", "lsxh"), Set.of("LAWYER")),
            item("GN-007", "GENERAL", Set.of("lsxh"), Set.of("LAWYER")),
            item("GN-011", "GENERAL", Set.of("jyj"), Set.of("TEACHER")),
            item("ED-001", "EDUCATION", Set.of("jyj"), Set.of()),
            item("ED-003", "EDUCATION", Set.of("jyj", "rmyh"), Set.of()),
            item("ALL-1", "GENERAL", Set.of(Item.ALL_GOVERNMENT), Set.of("PHYSICIAN")),
            item("GN-002", "GENERAL", Set.of("sfj"), Set.of()));

    private static Item item(String code, String domain, Set<String> departments, Set<String> groups) {
        return new Item(code, code, domain, ItemKind.DISHONESTY, Severity.GENERAL, DisclosureScope.AUTHORIZED, 12, 24, departments, groups,
                domain.equals("EDUCATION"), null, List.of(), new LegalBasis("法", "第一条"), "");
    }

    @Test
    void aDepartmentRegulatesTheGroupsItsOwnItemsCarryAndTheArchiveHoldsEveryItemOfTheGroup() {
        List<Archive> justice = ArchiveRules.heldBy("sfj", ITEMS, GROUPS, Set.of("jyj"));
        assertThat(justice).extracting(Archive::code).containsExactly("LAWYER");
        Archive lawyers = justice.get(0);
        assertThat(lawyers.ownItems()).containsExactly("JD-005");
        assertThat(lawyers.items()).containsExactlyInAnyOrder("JD-005", "GN-007");
        assertThat(lawyers.students()).isFalse();
        assertThat(lawyers.purposes()).isEqualTo(ArchiveRules.GROUP_PURPOSES);

        assertThat(ArchiveRules.heldBy("lsxh", ITEMS, GROUPS, Set.of("jyj")).get(0).ownItems()).containsExactlyInAnyOrder("JD-005", "GN-007");
    }

    @Test
    void anItemOpenToEveryGovernmentDepartmentMakesNoRegulator() {
        assertThat(ArchiveRules.heldBy("wjw", ITEMS, GROUPS, Set.of("jyj"))).isEmpty();
    }

    @Test
    void theStudentArchiveIsHeldByANamedEducationDepartmentThatPushesEducationItems() {
        List<Archive> education = ArchiveRules.heldBy("jyj", ITEMS, GROUPS, Set.of("jyj"));
        assertThat(education).extracting(Archive::code).containsExactly("TEACHER", ArchiveRules.STUDENTS);
        Archive students = education.get(1);
        assertThat(students.ownItems()).containsExactlyInAnyOrder("ED-001", "ED-003");
        assertThat(students.adultsOnly()).isTrue();
        assertThat(students.purposes()).containsExactly("升学", "毕业", "评先评优", "奖学金发放", "鉴定推荐");
        assertThat(ArchiveRules.heldBy("rmyh", ITEMS, GROUPS, Set.of("jyj"))).as("the bank pushes a student item but is no education "
                + "department").isEmpty();
        assertThat(ArchiveRules.heldBy("jyj", ITEMS, GROUPS, Set.of())).extracting(Archive::code).containsExactly("TEACHER");
    }

    @Test
    void onlyAPurposeOfTheListOpensAnArchive() {
        Archive lawyers = ArchiveRules.heldBy("sfj", ITEMS, GROUPS, Set.of()).get(0);
        assertThat(lawyers.allows("年度考核")).isTrue();
        assertThat(lawyers.allows(" 执业资格审查 ")).isTrue();
        assertThat(lawyers.allows(null)).isFalse();
        assertThat(lawyers.allows("")).isFalse();
        assertThat(lawyers.allows("奖学金发放")).isFalse();
        assertThat(lawyers.basis("岳阳市司法局", Map.of("JD-005", "律师严重违法执业"))).contains("岳阳市司法局").contains("律师严重违法执业")
                .contains("（七）");
    }
}
