package org.chengxin.catalog.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of an item's upload template, in order: the envelope every record carries, then the
 * item's own fields. A header reads {@code 中文名(name)}: people read the label, machines the name.
 */
public final class TemplateColumns {

    public record Column(String name, String label, boolean required, String hint) {
        public String header() {
            return label + "(" + name + ")";
        }
    }

    private TemplateColumns() {
    }

    public static List<Column> of(Item item) {
        List<Column> columns = new ArrayList<>(List.of(
                new Column("sourceId", "来源编号", true, "本部门系统中该记录的唯一编号，重复报送据此识别"),
                new Column("itemCode", "信息项代码", true, item.code()),
                new Column("idNumber", "身份证号", true, "18位公民身份号码"),
                new Column("name", "姓名", true, "与身份证件一致"),
                new Column("decisionDate", "决定日期", true, "yyyy-MM-dd，不得晚于报送日"),
                new Column("documentNumber", "文书号", item.isDishonesty(), "决定书文号")));
        for (ItemField f : item.fields()) {
            columns.add(new Column(f.name(), f.label(), f.required(), f.type().label()));
        }
        return columns;
    }
}
