package org.chengxin.archives.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.KeyGroup;

/**
 * Which archives a department holds, derived from the catalog: a department regulates the key groups carried by the
 * items it may push (the 司法局 pushes 律师严重违法执业, which carries 律师), and holds the student archive when the city
 * names it an education department (the education bureau, a school) and it may push an item of the education domain.
 * An item open to every government department ({@code *}) makes no department a regulator: a regulator is named.
 */
public final class ArchiveRules {

    /** The code of the student archive; key groups' codes are upper case with underscores, so it cannot clash. */
    public static final String STUDENTS = "students";
    public static final String STUDENTS_NAME = "学生诚信档案";
    /** The domain of the student archive's items (教育（学生诚信档案）). */
    public static final String EDUCATION = "EDUCATION";
    /** What a key group's archive may be opened for. */
    public static final List<String> GROUP_PURPOSES = List.of("行业监管检查", "执业资格审查", "年度考核", "评先评优");
    /** What the student archive may be opened for: the matters policy 四 names. */
    public static final List<String> STUDENT_PURPOSES = List.of("升学", "毕业", "评先评优", "奖学金发放", "鉴定推荐");

    private ArchiveRules() {
    }

    /**
     * The archives the department holds, key groups in the catalog's order of groups, then the student archive.
     *
     * @param education the codes of the departments the city names education departments (configuration)
     */
    public static List<Archive> heldBy(String department, Collection<Item> items, List<KeyGroup> groups, Set<String> education) {
        List<Archive> held = new ArrayList<>();
        for (KeyGroup group : groups) {
            Set<String> own = new LinkedHashSet<>();
            Set<String> all = new LinkedHashSet<>();
            for (Item item : items) {
                if (item.groups().contains(group.code())) {
                    all.add(item.code());
                    if (item.departments().contains(department)) {
                        own.add(item.code());
                    }
                }
            }
            if (!own.isEmpty()) {
                held.add(new Archive(group.code(), group.name(), false, own, all, GROUP_PURPOSES));
            }
        }
        if (education.contains(department)) {
            Set<String> own = new LinkedHashSet<>();
            Set<String> all = new LinkedHashSet<>();
            for (Item item : items) {
                if (EDUCATION.equals(item.domain())) {
                    all.add(item.code());
                    if (item.departments().contains(department)) {
                        own.add(item.code());
                    }
                }
            }
            if (!own.isEmpty()) {
                held.add(new Archive(STUDENTS, STUDENTS_NAME, true, own, all, STUDENT_PURPOSES));
            }
        }
        return held;
    }
}
