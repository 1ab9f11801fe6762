package org.chengxin.catalog.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a record says, in Chinese and labelled, as every output shows it: the facts (事由), the decision's own
 * legal basis, the kind and content of the penalty or honour, the amount and the deciding authority, then the
 * item's other fields, each under its catalog label, in that order. Never a map printed as Java writes it.
 * The catalog item's own basis (the law that lets the platform collect the item) is not part of it: outputs show
 * it as a line of its own.
 *
 * @param lines every non-blank field of the content, the decision's substance first
 */
public record RecordSubstance(List<Line> lines) {

    /** Labels of envelope-like keys the 双公示 formats carry into a record's content without a catalog field. */
    private static final Map<String, String> KNOWN_LABELS = Map.of("regionCode", "地方编码", "timestamp", "数据更新时间",
            "remark", "备注", "currentStatus", "当前状态",
            // a person's record made from a firm's (issue 18 item 3): which firm, and the person's part in it
            "firmName", "所涉单位", "firmUscc", "所涉单位统一社会信用代码", "responsibleRole", "责任人身份");

    /**
     * One labelled value.
     *
     * @param name  the field's name in the content
     * @param label the field's Chinese label (违法事实, 处罚依据 …)
     * @param role  what it says of the decision
     */
    public record Line(String name, String label, String value, FieldRole role) {

        /** {@code 违法事实：销售超过保质期的食品}. */
        public String text() {
            return label + "：" + value;
        }
    }

    public RecordSubstance {
        lines = List.copyOf(lines);
    }

    /**
     * The substance of a record's content under an item. Without the item (one no catalog version names any
     * more) each field takes the role of its well-known name and its name as label.
     */
    public static RecordSubstance of(Item item, Map<String, Object> content) {
        Map<String, Object> left = new LinkedHashMap<>(content == null ? Map.of() : content);
        List<Line> lines = new ArrayList<>();
        if (item != null) {
            for (ItemField f : item.fields()) {
                String value = coded(f.name(), text(left.remove(f.name()), f.type()));
                if (value != null) {
                    lines.add(new Line(f.name(), f.label(), value, f.effectiveRole()));
                }
            }
        }
        left.forEach((name, raw) -> {
            String value = coded(name, text(raw, null));
            if (value != null) {
                lines.add(new Line(name, KNOWN_LABELS.getOrDefault(name, name), value, FieldRole.byName(name)));
            }
        });
        // stable: within a role the catalog's order stays
        lines.sort(Comparator.comparing(Line::role));
        return new RecordSubstance(lines);
    }

    /** The values of a role joined with "；", or null when the record has none. */
    public String value(FieldRole role) {
        String joined = lines.stream().filter(l -> l.role() == role).map(Line::value).collect(Collectors.joining("；"));
        return joined.isEmpty() ? null : joined;
    }

    public String facts() {
        return value(FieldRole.FACTS);
    }

    public String decisionBasis() {
        return value(FieldRole.DECISION_BASIS);
    }

    public String kind() {
        return value(FieldRole.KIND);
    }

    public String result() {
        return value(FieldRole.RESULT);
    }

    public String amount() {
        return lines.stream().filter(l -> l.role() == FieldRole.AMOUNT).map(Line::text).collect(Collectors.collectingAndThen(
                Collectors.joining("；"), s -> s.isEmpty() ? null : s));
    }

    public String authority() {
        return value(FieldRole.AUTHORITY);
    }

    /** The fields that are none of the decision's substance, each labelled. */
    public List<Line> others() {
        return lines.stream().filter(l -> l.role() == FieldRole.OTHER).toList();
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Every line as {@code 标签：值}. */
    public List<String> texts() {
        return lines.stream().map(Line::text).toList();
    }

    /** Every line in one: {@code 违法事实：…；处罚依据：…；处罚结果：…}; empty when the record has no content. */
    public String summary() {
        return String.join("；", texts());
    }

    /** The legal basis a report prints for the record: the decision's own, else the item's basis for collecting it. */
    public String basisOr(LegalBasis collectionBasis) {
        String own = decisionBasis();
        if (own != null) {
            return own;
        }
        return collectionBasis == null ? null : collectionBasis.toString();
    }

    /**
     * The national 双公示 format's status codes (CF_ZT, XK_ZT: 0 正常, 1 撤销, 2 异议, 3 其他) in words; any other
     * value as it is.
     */
    static String coded(String name, String value) {
        if (value == null || !"currentStatus".equals(name)) {
            return value;
        }
        return switch (value) {
            case "0" -> "正常";
            case "1" -> "撤销";
            case "2" -> "异议";
            case "3" -> "其他";
            default -> value;
        };
    }

    /** A value as people read it: 是/否 for yes and no, numbers without exponents, null when blank. */
    static String text(Object value, FieldType type) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        String s = String.valueOf(value).strip();
        if (s.isEmpty()) {
            return null;
        }
        if (type == FieldType.BOOLEAN) {
            if (s.equalsIgnoreCase("true")) {
                return "是";
            }
            if (s.equalsIgnoreCase("false")) {
                return "否";
            }
        }
        return s;
    }
}
