package org.chengxin.ingestion.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.chengxin.catalog.domain.FieldType;
import org.chengxin.catalog.domain.FirmSubjects;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.ItemField;
import org.chengxin.shared.firm.Uscc;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.id.IdNumberCheck;
import org.chengxin.shared.id.IdNumberError;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.text.UnicodeText;

/**
 * The checks of one pushed row, each with its own stable code: the envelope (source id, item, ID
 * number, name, decision date, document number), the department's right to push the item, the
 * item's fields and types, and the subject's age for 18+ items. Plain Java, so every rule is tested
 * without a database; the name check against the population register comes after, in bulk.
 */
public final class RowChecks {

    /** Limits in characters as a person counts them (code points: 𠮷 is one). */
    public static final int MAX_SOURCE_ID = 100;
    public static final int MAX_NAME = 50;
    public static final int MAX_DOCUMENT_NUMBER = 100;
    public static final int MAX_TEXT = 2000;

    /** A row holding bytes that are not valid in the file's encoding; a file of nothing else has the wrong encoding. */
    public static final String BAD_ENCODING = "FIELD_BAD_ENCODING";

    /** A number as a spreadsheet exports it when the column was not text: 4.30602E+17. */
    /** A unit in brackets at the end of a label: 罚款金额（元）. */
    private static final Pattern UNIT = Pattern.compile("[（(][^）)]*[）)]$");
    /** Catalog labels without their unit (a few hundred labels in all). */
    private static final Map<String, String> UNITLESS = new ConcurrentHashMap<>();
    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?\\d+(?:[.,]\\d+)?[eE][+-]?\\d+");
    private static final String ID_CELL_NOT_TEXT = "身份证号单元格为数字格式，Excel 只保留 15 位有效数字，号码可能已被改变：请将该列设为文本（JSON 中用字符串）后重新填写";
    private static final String ID_SCIENTIFIC = "身份证号为科学计数法（如 4.30602E+17），是 Excel 按数字保存所致，已丢失位数：请将该列设为文本、重新填写后再导出";
    private static final Map<String, String> ENVELOPE_LABELS = Map.of("sourceId", "来源编号", "itemCode", "信息项代码",
            "idNumber", "身份证号", "name", "姓名", "decisionDate", "决定日期", "documentNumber", "文书号",
            "repairNotice", "信用修复告知书");

    /**
     * Who pushes: the department's code and whether it is a government department (for items open to all); or, with
     * {@code upstream}, an upstream platform delivering its list (issue 18 item 2): then only the items that name the
     * platform among their sources, no column the list format does not know, and the entry's status and end read.
     */
    public record Pusher(DepartmentCode departmentCode, boolean government, boolean upstream) {
        public Pusher(DepartmentCode departmentCode, boolean government) {
            this(departmentCode, government, false);
        }
    }

    private static final String USCC_FIELD = FirmColumns.USCC;

    /** The envelope columns of a pushed row. */
    private static final Set<String> ENVELOPE = Set.of("sourceId", "itemCode", "idNumber", "name",
            "decisionDate", "documentNumber");

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
        long n = row.rowNo();
        // the three early returns below: no field of such a row can be judged (a JSON line that is not an object has no
        // fields; a CSV row with more or fewer cells than the header has its values under the wrong columns, and judging
        // them would report faults the row does not have)
        if (row.values().containsKey(RawRow.MALFORMED_JSON)) {
            String column = row.values().get(RawRow.MALFORMED_JSON);
            return new Result(null, List.of(new Rejection(n, null, "ROW_MALFORMED_JSON",
                    "该行不是合法的 JSON" + ("0".equals(column) ? "" : "（第 " + column + " 列附近有误）") + "，该行未处理")));
        }
        if (row.values().containsKey(RawRow.NOT_AN_OBJECT)) {
            return new Result(null, List.of(new Rejection(n, null, "ROW_NOT_AN_OBJECT", "该条记录不是 JSON 对象")));
        }
        if (row.values().containsKey(RawRow.COLUMN_COUNT_MISMATCH)) {
            return new Result(null, List.of(new Rejection(n, null, "ROW_WRONG_COLUMN_COUNT", "该行的列数与表头不一致")));
        }
        List<Rejection> unfit = unfitText(row);
        if (unfit.stream().anyMatch(r -> r.field() == null)) {
            // a column name that is not text (a file in another encoding than it was read in): every value may be under
            // a name that is not its own, so nothing else is judged
            return new Result(null, unfit);
        }
        if (unfit.isEmpty()) {
            return checkFit(row);
        }
        // every fault of the row (issue 19 item 5): the fields that hold unfit text are left out of the other checks (no
        // such character reaches a message or a lookup), and the other checks' faults about those fields (now missing)
        // are not reported twice
        Set<String> flagged = new HashSet<>();
        unfit.forEach(r -> flagged.add(r.field()));
        Map<String, String> fit = new HashMap<>(row.values());
        fit.keySet().removeIf(k -> flagged.contains(k) || flagged.contains(fieldName(row, k)));
        List<Rejection> all = new ArrayList<>(unfit);
        checkFit(new RawRow(n, fit, row.nonText())).rejections().stream()
                .filter(r -> r.field() == null || !flagged.contains(r.field()))
                .forEach(all::add);
        return new Result(null, all);
    }

    /** The name a key's field goes by in a rejection: the item field's name, or the key itself. */
    private String fieldName(RawRow row, String key) {
        String code = row.values().get("itemCode");
        Item item = code == null || UnicodeText.firstFlaw(code, false).isPresent() ? null : items.apply(UnicodeText.stripInvisible(code));
        ItemField field = item == null ? null : fieldAt(item, key);
        return field != null ? field.name() : key;
    }

    /** The checks of a row whose every value is fit text. */
    private Result checkFit(RawRow row) {
        List<Rejection> problems = new ArrayList<>();
        long n = row.rowNo();
        boolean aboutFirm = FirmColumns.aboutFirm(row);
        if (row.values().containsKey(RawRow.DOUBLE_PUBLICITY) && row.get("idNumber") == null && !aboutFirm) {
            return new Result(null, List.of(new Rejection(n, "idNumber", "SUBJECT_CODE_MISSING",
                    "行政相对人既没有居民身份证号（自然人）也没有统一社会信用代码（法人和其他组织），无法确定是谁")));
        }
        String sourceId = identifier(row, "sourceId", "来源编号", problems);
        if (sourceId == null && row.get("sourceId") == null) {
            problems.add(new Rejection(n, "sourceId", "SOURCE_ID_MISSING", "缺少来源编号"));
        } else if (UnicodeText.longerThan(sourceId, MAX_SOURCE_ID)) {
            problems.add(new Rejection(n, "sourceId", "SOURCE_ID_TOO_LONG", "来源编号超过" + MAX_SOURCE_ID + "个字符"));
        }
        Item item = item(row, problems);
        if (aboutFirm && item != null && !FirmSubjects.allows(item)) {
            problems.add(new Rejection(n, USCC_FIELD, "LEGAL_PERSON_NOT_SUPPORTED",
                    "该信息项只归集自然人的信用信息，不接收法人和其他组织的记录：" + item.code()));
            item = null;
        }
        Uscc uscc = aboutFirm ? FirmColumns.uscc(row, problems) : null;
        IdNumber idNumber = aboutFirm ? null : idNumber(row, problems);
        String name = aboutFirm ? FirmColumns.firmName(row, problems) : row.get("name");
        if (!aboutFirm) {
            personName(n, name, problems);
        }
        LocalDate decision = decisionDate(row, problems);
        String document = identifier(row, "documentNumber", "文书号", problems);
        if (UnicodeText.longerThan(document, MAX_DOCUMENT_NUMBER)) {
            problems.add(new Rejection(n, "documentNumber", "DOCUMENT_NUMBER_TOO_LONG", "文书号超过" + MAX_DOCUMENT_NUMBER + "个字符"));
        }
        Boolean repairNotice = pusher.upstream() ? Boolean.FALSE : repairNotice(row, problems);
        LocalDate endedOn = null;
        if (pusher.upstream()) {
            unknownColumns(row, item, problems);
            endedOn = InboundEnd.of(row, decision, LocalDate.now(clock), problems);
        }
        Map<String, String> content = new LinkedHashMap<>();
        if (item != null) {
            if (Boolean.TRUE.equals(repairNotice) && !item.isDishonesty()) {
                problems.add(new Rejection(n, "repairNotice", "REPAIR_NOTICE_NOT_APPLICABLE",
                        "只有失信信息才随决定书送达信用修复告知书，该信息项不适用"));
            }
            if (item.isDishonesty() && row.get("documentNumber") == null) {
                problems.add(new Rejection(n, "documentNumber", "DOCUMENT_NUMBER_MISSING", "失信信息必须填写决定书文号"));
            }
            fields(row, item, content, problems);
            // an entry that ended is ended whenever it was decided: only one in force must still be within the period
            if (endedOn == null && decision != null && !item.expiryDate(decision).isAfter(LocalDate.now(clock))) {
                problems.add(new Rejection(n, "decisionDate", "PAST_DISCLOSURE_PERIOD",
                        "决定日期距今已超过该信息项的最长公开期限（" + item.maxMonths() + "个月），不再归集"));
            }
            if (item.adultsOnly() && idNumber != null && decision != null && idNumber.isMinorOn(decision)) {
                problems.add(new Rejection(n, "idNumber", "SUBJECT_UNDER_18", "该信息项只适用于年满18周岁的人员"));
            }
        }
        List<FirmRow.Responsible> persons = aboutFirm && item != null
                ? FirmColumns.persons(row, item, decision, clock, problems) : List.of();
        if (!persons.isEmpty() && UnicodeText.longerThan(sourceId, MAX_SOURCE_ID - 3)) {
            problems.add(new Rejection(n, "sourceId", "SOURCE_ID_TOO_LONG",
                    "来源编号超过" + (MAX_SOURCE_ID - 3) + "个字符：责任人的记录以来源编号加“#FR”“#ZR”保存"));
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        FirmRow firm = aboutFirm ? new FirmRow(uscc, name, persons) : null;
        return new Result(new Candidate(n, idNumber, name, item, sourceId, decision, document, content,
                Boolean.TRUE.equals(repairNotice), endedOn, firm), List.of());
    }

    private static void personName(long n, String name, List<Rejection> problems) {
        if (name == null) {
            problems.add(new Rejection(n, "name", "NAME_MISSING", "缺少姓名"));
        } else if (UnicodeText.longerThan(name, MAX_NAME)) {
            problems.add(new Rejection(n, "name", "NAME_TOO_LONG", "姓名超过" + MAX_NAME + "个字符"));
        } else if (UnicodeText.invisibleInside(name).isPresent()) {
            problems.add(new Rejection(n, "name", "NAME_INVISIBLE_CHARACTER",
                    "姓名中间含有不可见字符或全角空格（" + notation(UnicodeText.invisibleInside(name).get()) + "），请删除后重新填写"));
        }
    }

    /**
     * An upstream list holds only the envelope, the entry's status and end, and the item's fields: any other column is
     * refused on every row (a list in another format would otherwise lose what it says without a word).
     */
    private static void unknownColumns(RawRow row, Item item, List<Rejection> problems) {
        if (item == null) {
            // the row's item is refused already: its columns cannot be judged
            return;
        }
        row.values().keySet().stream().filter(k -> !RawRow.isMarker(k)).sorted().forEach(key -> {
            boolean known = ENVELOPE.contains(key) || FirmColumns.ALL.contains(key) || key.equals(InboundEnd.STATUS)
                    || key.equals(InboundEnd.END_DATE)
                    || fieldAt(item, key) != null;
            if (!known) {
                problems.add(new Rejection(row.rowNo(), null, "INBOUND_COLUMN_UNKNOWN",
                        "名单中有本平台不认识的列“" + Masking.maskIdShaped(key) + "”：请按名单导入格式（接口说明第19节）填写列名"));
            }
        });
    }

    /**
     * Whether a credit repair notice was served with the decision (两书同达): 是/否, true/false, 1/0 or
     * Y/N; blank is no. Anything else is the row's rejection, never a guess.
     */
    private static Boolean repairNotice(RawRow row, List<Rejection> problems) {
        String raw = row.get("repairNotice");
        if (raw == null) {
            return false;
        }
        switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "是", "true", "1", "y", "yes" -> {
                return true;
            }
            case "否", "false", "0", "n", "no" -> {
                return false;
            }
            default -> {
                problems.add(new Rejection(row.rowNo(), "repairNotice", "REPAIR_NOTICE_INVALID",
                        "信用修复告知书一栏应填“是”或“否”（JSON 中为 true 或 false）"));
                return null;
            }
        }
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
        if (pusher.upstream()) {
            // an upstream platform delivers only the items the catalog names it the source of, never one open to all
            if (!item.departments().contains(pusher.departmentCode().value())) {
                problems.add(new Rejection(row.rowNo(), "itemCode", "ITEM_NOT_FROM_SOURCE",
                        "目录未将本平台列为该信息项的来源，不能以名单导入：" + code));
                return null;
            }
            return item;
        }
        boolean allowed = item.departments().contains(pusher.departmentCode().value())
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
        if (row.heldAsNumber("idNumber")) {
            problems.add(new Rejection(row.rowNo(), "idNumber", "ID_CELL_NOT_TEXT", ID_CELL_NOT_TEXT));
            return null;
        }
        if (SCIENTIFIC.matcher(raw).matches()) {
            problems.add(new Rejection(row.rowNo(), "idNumber", "ID_CELL_NOT_TEXT", ID_SCIENTIFIC));
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
            String key = keyOf(row, f);
            String value = key == null ? null : row.get(key);
            if (value != null && f.type() == FieldType.IDENTIFIER) {
                value = identifier(row, key, f.name(), f.label(), problems);
                if (value == null) {
                    continue;
                }
            }
            if (value == null) {
                if (f.required()) {
                    problems.add(new Rejection(row.rowNo(), f.name(), "FIELD_REQUIRED", "缺少必填字段：" + f.label()));
                }
            } else if (UnicodeText.longerThan(value, MAX_TEXT)) {
                problems.add(new Rejection(row.rowNo(), f.name(), "FIELD_TOO_LONG", f.label() + "超过" + MAX_TEXT + "个字符"));
            } else if (f.type() == FieldType.DATE) {
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
                content.put(f.name(), Masking.maskIdShaped(value));
            }
        }
    }

    /** The key a field's value is under: its name, its Chinese label, or its label without a unit in brackets (罚款金额（元） as 罚款金额). */
    private static String keyOf(RawRow row, ItemField f) {
        for (String key : List.of(f.name(), f.label(), withoutUnit(f.label()))) {
            if (row.get(key) != null) {
                return key;
            }
        }
        return null;
    }

    private static String withoutUnit(String label) {
        // asked for every field of every row: compiled once, and each catalog label reduced once
        return UNITLESS.computeIfAbsent(label, l -> UNIT.matcher(l).replaceFirst("").strip());
    }

    /**
     * An identifier as it may be stored, or null with the reason added: it must have arrived as text
     * (not a spreadsheet number, not in scientific notation) and hold nothing invisible inside.
     */
    private static String identifier(RawRow row, String key, String label, List<Rejection> problems) {
        return identifier(row, key, key, label, problems);
    }

    private static String identifier(RawRow row, String key, String field, String label, List<Rejection> problems) {
        String value = row.get(key);
        if (value == null) {
            return null;
        }
        if (row.heldAsNumber(key)) {
            problems.add(new Rejection(row.rowNo(), field, "IDENTIFIER_CELL_NOT_TEXT", label
                    + "为数字格式（Excel 数字单元格或 JSON 数字）：编号类字段必须是文本，数字只保留 15 位有效数字。请将该列设为文本（JSON 中用字符串）后重新填写"));
            return null;
        }
        if (SCIENTIFIC.matcher(value).matches()) {
            problems.add(new Rejection(row.rowNo(), field, "IDENTIFIER_CELL_NOT_TEXT", label
                    + "为科学计数法（如 1.23E+17），是 Excel 按数字保存所致，已丢失位数。请将该列设为文本、重新填写后再导出"));
            return null;
        }
        Optional<Integer> hidden = UnicodeText.invisibleInside(value);
        if (hidden.isPresent()) {
            problems.add(new Rejection(row.rowNo(), field, "IDENTIFIER_INVISIBLE_CHARACTER",
                    label + "中间含有不可见字符（" + notation(hidden.get()) + "，如零宽空格、不换行空格、BOM），请删除后重新填写"));
            return null;
        }
        return value;
    }

    /**
     * Values no field may hold, whatever the format: control characters (tab and line breaks only in
     * free text), unpaired surrogates and non-characters. Checked before anything else, so that no
     * such character reaches a message, a lookup or the database; each field named once.
     */
    private List<Rejection> unfitText(RawRow row) {
        List<Rejection> problems = new ArrayList<>();
        String code = row.values().get("itemCode");
        Item item = code == null || UnicodeText.firstFlaw(code, false).isPresent() ? null : items.apply(UnicodeText.stripInvisible(code));
        row.values().keySet().stream().filter(k -> !RawRow.isMarker(k)).sorted().forEach(key -> {
            var keyFlaw = UnicodeText.firstFlaw(key, false);
            if (keyFlaw.isPresent()) {
                // a header in another encoding than the file's (a GBK file read as UTF-8): the file's encoding is wrong
                problems.add(keyFlaw.get().kind() == UnicodeText.Flaw.Kind.UNDECODABLE_BYTES
                        ? new Rejection(row.rowNo(), null, BAD_ENCODING, "有一列的列名含有不符合文件编码（UTF-8）的字节，请确认文件编码后重新上传")
                        : new Rejection(row.rowNo(), null, "COLUMN_NAME_INVALID_CHARACTER", "有一列的列名含有控制字符或无效字符"));
                return;
            }
            ItemField field = item == null ? null : fieldAt(item, key);
            // the envelope is one line; an item's free text may hold tabs and line breaks
            boolean multiline = field != null ? field.type().multiline() : !ENVELOPE_LABELS.containsKey(key);
            UnicodeText.firstFlaw(row.values().get(key), multiline).ifPresent(flaw -> {
                String label = field != null ? field.label() : ENVELOPE_LABELS.getOrDefault(key, key);
                String name = field != null ? field.name() : key;
                problems.add(switch (flaw.kind()) {
                    case CONTROL_CHARACTER -> new Rejection(row.rowNo(), name, "FIELD_CONTROL_CHARACTER", label + "含有控制字符（"
                            + flaw.notation() + "）" + (multiline ? "" : "，该字段不能含有制表符或换行") + "，请删除后重新报送");
                    case INVALID_CHARACTER -> new Rejection(row.rowNo(), name, "FIELD_INVALID_CHARACTER", label + "含有无效的 Unicode 字符（"
                            + flaw.notation() + "，孤立的代理项或非字符），请检查文件后重新报送");
                    case UNDECODABLE_BYTES -> new Rejection(row.rowNo(), name, BAD_ENCODING, label
                            + "含有不符合文件编码（UTF-8）的字节（如被截断的汉字或孤立的代理项），请检查该行，或确认文件编码后重新上传");
                });
            });
        });
        return problems;
    }

    private static ItemField fieldAt(Item item, String key) {
        for (ItemField f : item.fields()) {
            if (key.equals(f.name()) || key.equals(f.label()) || key.equals(withoutUnit(f.label()))) {
                return f;
            }
        }
        return null;
    }

    private static String notation(int codePoint) {
        return String.format("U+%04X", codePoint);
    }

    /** The outcome of checking one row. */
    public record Result(Candidate candidate, List<Rejection> rejections) {
        public boolean passed() {
            return candidate != null;
        }
    }
}
