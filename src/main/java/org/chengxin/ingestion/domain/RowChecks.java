package org.chengxin.ingestion.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.ItemField;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.id.IdNumberCheck;
import org.chengxin.shared.id.IdNumberError;

/**
 * The checks of one pushed row, each with its own stable code: the envelope (source id, item, ID
 * number, name, decision date, document number), the department's right to push the item, the
 * item's fields and types, and the subject's age for 18+ items. Plain Java, so every rule is tested
 * without a database; the name check against the population register comes after, in bulk.
 */
public final class RowChecks {

    public static final int MAX_SOURCE_ID = 100;
    public static final int MAX_TEXT = 2000;

    /** Who pushes: the department's code and whether it is a government department (for items open to all). */
    public record Pusher(String departmentCode, boolean government) {
    }

    private final Function<String, Item> items;
    private final Pusher pusher;
    private final Clock clock;

    public RowChecks(Function<String, Item> items, Pusher pusher, Clock clock) {
        this.items = items;
        this.pusher = pusher;
        this.clock = clock;
    }

    /** A candidate, or the row's rejections (never both). */
    public Result check(RawRow row) {
        List<Rejection> problems = new ArrayList<>();
        long n = row.rowNo();
        if (row.values().containsKey(RawRow.NOT_AN_OBJECT)) {
            return new Result(null, List.of(new Rejection(n, null, "ROW_NOT_AN_OBJECT", "该条记录不是 JSON 对象")));
        }
        if (row.values().containsKey(RawRow.COLUMN_COUNT_MISMATCH)) {
            return new Result(null, List.of(new Rejection(n, null, "ROW_WRONG_COLUMN_COUNT", "该行的列数与表头不一致")));
        }
        if (row.values().containsKey(RawRow.DOUBLE_PUBLICITY) && row.get("idNumber") == null) {
            return new Result(null, List.of(new Rejection(n, "idNumber", "LEGAL_PERSON_NOT_SUPPORTED",
                    "行政相对人没有居民身份证号（法人或其他组织）：本平台只归集自然人的信用信息")));
        }
        String sourceId = row.get("sourceId");
        if (sourceId == null) {
            problems.add(new Rejection(n, "sourceId", "SOURCE_ID_MISSING", "缺少来源编号"));
        } else if (sourceId.length() > MAX_SOURCE_ID) {
            problems.add(new Rejection(n, "sourceId", "SOURCE_ID_TOO_LONG", "来源编号超过" + MAX_SOURCE_ID + "个字符"));
        }
        Item item = item(row, problems);
        IdNumber idNumber = idNumber(row, problems);
        String name = row.get("name");
        if (name == null) {
            problems.add(new Rejection(n, "name", "NAME_MISSING", "缺少姓名"));
        } else if (name.length() > 50) {
            problems.add(new Rejection(n, "name", "NAME_TOO_LONG", "姓名超过50个字符"));
        }
        LocalDate decision = decisionDate(row, problems);
        String document = row.get("documentNumber");
        if (document != null && document.length() > 100) {
            problems.add(new Rejection(n, "documentNumber", "DOCUMENT_NUMBER_TOO_LONG", "文书号超过100个字符"));
        }
        Map<String, String> content = new LinkedHashMap<>();
        if (item != null) {
            if (item.isDishonesty() && document == null) {
                problems.add(new Rejection(n, "documentNumber", "DOCUMENT_NUMBER_MISSING", "失信信息必须填写决定书文号"));
            }
            fields(row, item, content, problems);
            if (decision != null && !item.expiryDate(decision).isAfter(LocalDate.now(clock))) {
                problems.add(new Rejection(n, "decisionDate", "PAST_DISCLOSURE_PERIOD",
                        "决定日期距今已超过该信息项的最长公开期限（" + item.maxMonths() + "个月），不再归集"));
            }
            // 满18周岁 counts from the day after the 18th birthday (周岁 as Chinese courts compute it)
            if (item.adultsOnly() && idNumber != null && decision != null && idNumber.ageOn(decision.minusDays(1)) < 18) {
                problems.add(new Rejection(n, "idNumber", "SUBJECT_UNDER_18", "该信息项只适用于年满18周岁的人员"));
            }
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        return new Result(new Candidate(n, idNumber, name, item, sourceId, decision, document, content), List.of());
    }

    private Item item(RawRow row, List<Rejection> problems) {
        String code = row.get("itemCode");
        if (code == null) {
            problems.add(new Rejection(row.rowNo(), "itemCode", "ITEM_CODE_MISSING", "缺少信息项代码"));
            return null;
        }
        Item item = items.apply(code);
        if (item == null) {
            problems.add(new Rejection(row.rowNo(), "itemCode", "ITEM_UNKNOWN", "现行目录中没有该信息项：" + code));
            return null;
        }
        boolean allowed = item.departments().contains(pusher.departmentCode())
                || (pusher.government() && item.departments().contains(Item.ALL_GOVERNMENT));
        if (!allowed) {
            problems.add(new Rejection(row.rowNo(), "itemCode", "ITEM_NOT_ALLOWED_FOR_DEPARTMENT", "本部门无权报送该信息项：" + code));
            return null;
        }
        return item;
    }

    private IdNumber idNumber(RawRow row, List<Rejection> problems) {
        String raw = row.get("idNumber");
        if (raw == null) {
            problems.add(new Rejection(row.rowNo(), "idNumber", "ID_EMPTY", IdNumberError.ID_EMPTY.message()));
            return null;
        }
        IdNumberCheck check = IdNumber.check(raw, clock);
        check.errors().forEach(e -> problems.add(new Rejection(row.rowNo(), "idNumber", e.code(), e.message())));
        return check.number();
    }

    private LocalDate decisionDate(RawRow row, List<Rejection> problems) {
        String raw = row.get("decisionDate");
        if (raw == null) {
            problems.add(new Rejection(row.rowNo(), "decisionDate", "DECISION_DATE_MISSING", "缺少决定日期"));
            return null;
        }
        LocalDate date = Dates.parse(raw).orElse(null);
        if (date == null) {
            problems.add(new Rejection(row.rowNo(), "decisionDate", "DATE_INVALID", "决定日期格式不正确，应为 yyyy-MM-dd（也接受 yyyy/M/d、yyyyMMdd、yyyy年M月d日）"));
        } else if (date.isAfter(LocalDate.now(clock))) {
            problems.add(new Rejection(row.rowNo(), "decisionDate", "DECISION_DATE_IN_FUTURE", "决定日期晚于今天"));
            return null;
        } else if (date.getYear() < 1900) {
            problems.add(new Rejection(row.rowNo(), "decisionDate", "DATE_INVALID", "决定日期早于1900年"));
            return null;
        }
        return date;
    }

    private static void fields(RawRow row, Item item, Map<String, String> content, List<Rejection> problems) {
        for (ItemField f : item.fields()) {
            String value = firstOf(row, f.name(), f.label(), f.label().replaceAll("[（(][^）)]*[）)]$", "").strip());
            if (value == null) {
                if (f.required()) {
                    problems.add(new Rejection(row.rowNo(), f.name(), "FIELD_REQUIRED", "缺少必填字段：" + f.label()));
                }
            } else if (value.length() > MAX_TEXT) {
                problems.add(new Rejection(row.rowNo(), f.name(), "FIELD_TOO_LONG", f.label() + "超过" + MAX_TEXT + "个字符"));
            } else if (f.type() == org.chengxin.catalog.domain.FieldType.DATE) {
                LocalDate date = Dates.parse(value).orElse(null);
                if (date == null) {
                    problems.add(new Rejection(row.rowNo(), f.name(), "FIELD_INVALID_TYPE", f.label() + "应为日期（如 2026-01-31）"));
                } else {
                    content.put(f.name(), date.toString());
                }
            } else if (!f.type().accepts(value)) {
                problems.add(new Rejection(row.rowNo(), f.name(), "FIELD_INVALID_TYPE", f.label() + "应为" + f.type().label()));
            } else {
                // a free-text field is no place for an ID number: masked like everywhere else
                content.put(f.name(), org.chengxin.shared.id.Masking.maskIdShaped(value));
            }
        }
    }

    /** A field by its name, its Chinese label, or its label without a unit in brackets (罚款金额（元） as 罚款金额). */
    private static String firstOf(RawRow row, String... keys) {
        for (String key : keys) {
            String value = row.get(key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The outcome of checking one row. */
    public record Result(Candidate candidate, List<Rejection> rejections) {
        public boolean passed() {
            return candidate != null;
        }
    }
}
