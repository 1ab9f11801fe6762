package org.chengxin.ingestion.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chengxin.ingestion.domain.ColumnNames;
import org.chengxin.ingestion.domain.RawRow;

/**
 * Fills what a row leaves out: the item code named for the whole upload, and for the 双公示 formats
 * the platform's penalty or licensing item, with the decision document number as source id.
 */
record Defaults(String itemCode, String penaltyItem, String licenceItem) {

    RawRow apply(long rowNo, Map<String, String> values, String doublePublicity) {
        return apply(rowNo, values, Set.of(), doublePublicity);
    }

    /** {@code nonText}: the columns the file held as numbers (see {@link RawRow#nonText()}). */
    RawRow apply(long rowNo, Map<String, String> values, Set<String> nonText, String doublePublicity) {
        Map<String, String> v = values;
        boolean needsItem = isBlank(v.get("itemCode")) && (itemCode != null || doublePublicity != null);
        boolean needsSource = doublePublicity != null && isBlank(v.get("sourceId"));
        boolean inTenThousand = doublePublicity != null
                && values.keySet().stream().anyMatch(k -> k.startsWith(ColumnNames.TEN_THOUSAND_YUAN_PREFIX));
        if (needsItem || needsSource || doublePublicity != null) {
            v = new HashMap<>(values);
            if (inTenThousand) {
                inYuan(v);
            }
            if (doublePublicity != null) {
                v.put(RawRow.DOUBLE_PUBLICITY, doublePublicity);
            }
            if (needsItem) {
                // an item named for the upload wins: e.g. a 双公示 file of minor penalties
                v.put("itemCode", itemCode != null ? itemCode : doublePublicity.equals("CF") ? penaltyItem : licenceItem);
            }
            if (needsSource && !isBlank(v.get("documentNumber"))) {
                // one decision may name several people: the published pair of document number and name
                // identifies each row (never the ID number, which must not sit in clear in a source id)
                v.put("sourceId", v.get("documentNumber").strip() + "#" + (v.get("name") == null ? "" : v.get("name").strip()));
            }
        }
        return new RawRow(rowNo, v, nonText);
    }

    /**
     * The amounts a 双公示 file gives in 万元 (CF_NR_FK, CF_NR_WFFF) as the items' amounts in 元: 0.5 becomes 5000. A
     * column in 元 of the same field wins; a value that is no number is handed on as it is, so that the row checks
     * refuse it under the field's label.
     */
    static void inYuan(Map<String, String> v) {
        for (String key : List.copyOf(v.keySet())) {
            if (!key.startsWith(ColumnNames.TEN_THOUSAND_YUAN_PREFIX)) {
                continue;
            }
            String raw = v.remove(key);
            String field = key.substring(ColumnNames.TEN_THOUSAND_YUAN_PREFIX.length());
            if (isBlank(raw) || !isBlank(v.get(field))) {
                continue;
            }
            String yuan;
            try {
                yuan = new BigDecimal(raw.strip().replace(",", "").replace("，", "")).movePointRight(4).stripTrailingZeros()
                        .toPlainString();
            } catch (NumberFormatException e) {
                yuan = raw;
            }
            v.put(field, yuan);
        }
    }

    static String canonical(String header) {
        return ColumnNames.canonical(header);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
