package org.chengxin.ingestion.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.chengxin.catalog.domain.FirmSubjects;
import org.chengxin.catalog.domain.Item;
import org.chengxin.shared.firm.ResponsibleRole;
import org.chengxin.shared.firm.Uscc;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.id.IdNumberCheck;
import org.chengxin.shared.text.UnicodeText;

/**
 * The columns of a row about a firm (issue 18 item 3) and their checks: the unified social credit code (GB 32100), the
 * firm's name, and the legal representative and directly responsible person with their ID numbers. A row is about a firm
 * when it gives a code and no ID number. The persons are checked, and become records of their own, only under an item
 * that reaches the responsible persons of firms ({@link FirmSubjects}); elsewhere their columns are read and left, so
 * that no ID number is kept for a firm's ordinary decision.
 */
public final class FirmColumns {

    public static final String USCC = "uscc";
    public static final String REPRESENTATIVE = "legalRepresentative";
    public static final String REPRESENTATIVE_ID = "legalRepresentativeIdNumber";
    public static final String REPRESENTATIVE_ID_TYPE = "legalRepresentativeIdType";
    public static final String RESPONSIBLE = "responsiblePerson";
    public static final String RESPONSIBLE_ID = "responsiblePersonIdNumber";
    /** The national formats' 行政相对人类别 and the subject's 证件类型: read, and decided by which number the row gives. */
    public static final String SUBJECT_CATEGORY = "subjectCategory";
    public static final String SUBJECT_ID_TYPE = "subjectIdType";

    /** The columns a row may carry besides the envelope and the item's fields. */
    public static final Set<String> ALL = Set.of(USCC, REPRESENTATIVE, REPRESENTATIVE_ID, REPRESENTATIVE_ID_TYPE, RESPONSIBLE,
            RESPONSIBLE_ID, SUBJECT_CATEGORY, SUBJECT_ID_TYPE);

    /** A firm's registered name may be long (股份有限公司 … 分公司). */
    public static final int MAX_FIRM_NAME = 200;

    private FirmColumns() {
    }

    /** Whether a row is about a firm: it gives a unified social credit code and no ID number. */
    public static boolean aboutFirm(RawRow row) {
        return row.get(USCC) != null && row.get("idNumber") == null;
    }

    /** The firm's code, or the row's rejection. */
    static Uscc uscc(RawRow row, List<Rejection> problems) {
        String raw = row.get(USCC);
        Optional<Uscc.Error> error = Uscc.check(raw);
        if (error.isPresent()) {
            problems.add(new Rejection(row.rowNo(), USCC, error.get().code(), error.get().message()));
            return null;
        }
        return Uscc.of(raw);
    }

    /** The firm's name: required, and no longer than a registered name can be. */
    static String firmName(RawRow row, List<Rejection> problems) {
        String name = row.get("name");
        if (name == null) {
            problems.add(new Rejection(row.rowNo(), "name", "NAME_MISSING", "缺少行政相对人名称（企业或组织名称）"));
        } else if (UnicodeText.longerThan(name, MAX_FIRM_NAME)) {
            problems.add(new Rejection(row.rowNo(), "name", "FIRM_NAME_TOO_LONG", "企业或组织名称超过" + MAX_FIRM_NAME + "个字符"));
        }
        return name;
    }

    /**
     * The responsible persons the row names with an ID number, under an item that reaches them: each checked like a
     * pushed person (the number, a name beside it, 18 or older for an adults-only item on the decision date). A name
     * without a number names nobody the platform can find, and makes no record.
     */
    static List<FirmRow.Responsible> persons(RawRow row, Item item, LocalDate decision, Clock clock, List<Rejection> problems) {
        List<FirmRow.Responsible> persons = new ArrayList<>();
        if (!FirmSubjects.reachesResponsiblePersons(item)) {
            return persons;
        }
        person(row, ResponsibleRole.LEGAL_REPRESENTATIVE, REPRESENTATIVE, REPRESENTATIVE_ID, item, decision, clock, problems)
                .ifPresent(persons::add);
        person(row, ResponsibleRole.RESPONSIBLE_PERSON, RESPONSIBLE, RESPONSIBLE_ID, item, decision, clock, problems)
                .ifPresent(persons::add);
        return persons;
    }

    private static Optional<FirmRow.Responsible> person(RawRow row, ResponsibleRole role, String nameKey, String idKey,
            Item item, LocalDate decision, Clock clock, List<Rejection> problems) {
        String raw = row.get(idKey);
        if (raw == null) {
            return Optional.empty();
        }
        int before = problems.size();
        String name = row.get(nameKey);
        if (name == null) {
            problems.add(new Rejection(row.rowNo(), nameKey, "RESPONSIBLE_NAME_MISSING",
                    "填写了" + role.label() + "的身份证号，但缺少其姓名"));
        } else if (UnicodeText.longerThan(name, RowChecks.MAX_NAME)) {
            problems.add(new Rejection(row.rowNo(), nameKey, "NAME_TOO_LONG", role.label() + "姓名超过" + RowChecks.MAX_NAME + "个字符"));
        }
        if (row.heldAsNumber(idKey)) {
            problems.add(new Rejection(row.rowNo(), idKey, "ID_CELL_NOT_TEXT",
                    role.label() + "身份证号单元格为数字格式，Excel 只保留 15 位有效数字：请将该列设为文本后重新填写"));
            return Optional.empty();
        }
        IdNumberCheck check = IdNumber.check(raw, clock);
        check.errors().forEach(e -> problems.add(new Rejection(row.rowNo(), idKey, e.code(), role.label() + "的" + e.message())));
        IdNumber number = check.number();
        if (number != null && item.adultsOnly() && decision != null && number.isMinorOn(decision)) {
            problems.add(new Rejection(row.rowNo(), idKey, "SUBJECT_UNDER_18", "该信息项只适用于年满18周岁的人员，" + role.label() + "未满18周岁"));
        }
        return problems.size() > before || number == null ? Optional.empty()
                : Optional.of(new FirmRow.Responsible(role, number, name));
    }
}
