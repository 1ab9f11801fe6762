package org.chengxin.archives.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An archive a department holds: a key group's (code of the group) or the students' ({@link ArchiveRules#STUDENTS}).
 *
 * @param ownItems the items the department may push that concern the archive: a record in force of one of them makes
 *                 a person a member
 * @param items    every item of the archive (pushed by any department): what a member's archive shows
 * @param purposes the only purposes the archive may be opened for
 */
public record Archive(String code, String name, boolean students, Set<String> ownItems, Set<String> items, List<String> purposes) {

    public Archive {
        ownItems = Set.copyOf(ownItems);
        items = Set.copyOf(items);
        purposes = List.copyOf(purposes);
    }

    /** The student archive holds people aged 18 and over only (policy 四): records decided on a minor are left out. */
    public boolean adultsOnly() {
        return students;
    }

    /** Whether the purpose is one of the archive's (exactly as listed). */
    public boolean allows(String purpose) {
        return purpose != null && purposes.contains(purpose.strip());
    }

    /** What an opening rests on, in words, as the person reads it in the query log. */
    public String basis(String departmentName, Map<String, String> itemNames) {
        String own = String.join("、", ownItems.stream().sorted().map(c -> itemNames.getOrDefault(c, c)).toList());
        return students
                ? "18周岁以上学生诚信档案（实施意见第（四）项），" + departmentName + "掌握的信息项：" + own
                : "重点人群诚信记录（实施意见第（七）项），" + departmentName + "为" + name + "的监管部门，报送的信息项：" + own;
    }
}
