package org.chengxin.catalog.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of an item's upload template, in order: the envelope every record carries, then the
 * item's own fields. A header reads {@code 中文名(name)}: people read the label, machines the name.
 */
public final class TemplateColumns {

    /** {@code identifier}: a column that must stay text (a spreadsheet keeps only 15 digits of a number). */
    public record Column(String name, String label, boolean required, String hint, boolean identifier) {
        public String header() {
            return label + "(" + name + ")";
        }
    }

    private TemplateColumns() {
    }

    public static List<Column> of(Item item) {
        List<Column> columns = new ArrayList<>(List.of(
                new Column("sourceId", "来源编号", true, "本部门系统中该记录的唯一编号，重复报送据此识别；文本格式", true),
                new Column("itemCode", "信息项代码", true, item.code(), false),
                new Column("idNumber", "身份证号", true, "18位公民身份号码；文本格式，不能是数字单元格（数字只保留15位有效数字）", true),
                new Column("name", "姓名", true, "与身份证件一致", false),
                new Column("decisionDate", "决定日期", true, "yyyy-MM-dd，不得晚于报送日", false),
                new Column("documentNumber", "文书号", item.isDishonesty(), "决定书文号；文本格式", true)));
        if (item.isDishonesty()) {
            columns.add(new Column("repairNotice", "信用修复告知书", false,
                    "是否随决定书一并送达信用修复告知书（两书同达）：是 或 否，空白为否", false));
        }
        for (ItemField f : item.fields()) {
            boolean identifier = f.type() == FieldType.IDENTIFIER;
            FieldRole role = f.effectiveRole();
            columns.add(new Column(f.name(), f.label(), f.required(), f.type().label() + (identifier ? "；文本格式" : "")
                    + (role == FieldRole.OTHER ? "" : "；记载" + role.label()), identifier));
        }
        return columns;
    }
}
