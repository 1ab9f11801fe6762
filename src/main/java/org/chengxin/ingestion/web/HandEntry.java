package org.chengxin.ingestion.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.ItemField;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One record as a data officer typed it on the hand-entry form: the envelope and the item's fields,
 * all as text, exactly as typed, so a refused entry is shown again unchanged. It becomes a JSON push
 * of one row; every check is the batch's.
 */
record HandEntry(String sourceId, String itemCode, String idNumber, String name, String decisionDate, String documentNumber,
        Map<String, String> content, boolean repairNotice) {

    static final String FIELD_PREFIX = "content.";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A blank form for an item; its source id makes a repeated submission of the same form change nothing. */
    static HandEntry blank(String itemCode, String today) {
        return new HandEntry(newSourceId(), itemCode, "", "", today, "", Map.of(), false);
    }

    /** The form's values; only the chosen item's fields are kept, and a source id not made here is replaced. */
    static HandEntry of(Map<String, String> form, Item item) {
        Map<String, String> content = new LinkedHashMap<>();
        if (item != null) {
            for (ItemField f : item.fields()) {
                content.put(f.name(), form.getOrDefault(FIELD_PREFIX + f.name(), ""));
            }
        }
        String sourceId = form.get("sourceId");
        return new HandEntry(sourceId != null && sourceId.matches("HAND-[0-9a-f]{32}") ? sourceId : newSourceId(),
                form.getOrDefault("itemCode", "").strip(), form.getOrDefault("idNumber", ""), form.getOrDefault("name", ""),
                form.getOrDefault("decisionDate", ""), form.getOrDefault("documentNumber", ""), content,
                "true".equals(form.get("repairNotice")));
    }

    /** The push: {@code {"records":[{...}]}}, blank values left out as a department system would. */
    String toJson() {
        ObjectNode row = JSON.createObjectNode();
        put(row, "sourceId", sourceId);
        put(row, "itemCode", itemCode);
        put(row, "idNumber", idNumber);
        put(row, "name", name);
        put(row, "decisionDate", decisionDate);
        put(row, "documentNumber", documentNumber);
        if (repairNotice) {
            row.put("repairNotice", true);
        }
        ObjectNode fields = row.putObject("content");
        content.forEach((k, v) -> put(fields, k, v));
        ObjectNode push = JSON.createObjectNode();
        push.putArray("records").add(row);
        return JSON.writeValueAsString(push);
    }

    private static void put(ObjectNode node, String key, String value) {
        if (value != null && !value.isBlank()) {
            node.put(key, value.strip());
        }
    }

    private static String newSourceId() {
        return "HAND-" + UUID.randomUUID().toString().replace("-", "");
    }
}
