package org.chengxin.exchange.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.PublicDecisionType;
import org.chengxin.catalog.domain.RecordSubstance;
import org.chengxin.exchange.domain.DeliveredChange;
import org.chengxin.exchange.domain.NationalColumns;
import org.chengxin.exchange.domain.Shared;
import org.chengxin.exchange.domain.SharingRule;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a page of changes says when it is delivered: the thing as it stands now, in the national columns, read in sets
 * (the records of the page in one query, the numbers decrypted in one call, audited one by one with the purpose of the
 * exchange, the registered names in one query). A change is delivered withdrawn — its identifier and the change, no name,
 * no number, no content — when what it is about may not be shared any more: a decision the public portal would not show
 * today ({@link SharingRule}), a list entry that has ended. A correction's content is the record's current one: what
 * a platform upstream receives is never older than what the city holds.
 */
@Component
class ChangeContents {

    static final String REVEAL_PURPOSE = "向上级信用平台交换公共信用信息";
    private static final String LIST_NAME = "严重失信主体名单";
    private static final String NATURAL_PERSON = "自然人";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private final JdbcClient jdbc;
    private final Records records;
    private final Catalog catalog;
    private final Citizens citizens;
    private final PopulationRegister register;
    private final Departments departments;
    private final Clock clock;
    private final String regionCode;

    ChangeContents(JdbcClient jdbc, Records records, Catalog catalog, Citizens citizens, PopulationRegister register,
            Departments departments, Clock clock, @Value("${chengxin.exchange.region-code:430600}") String regionCode) {
        this.jdbc = jdbc;
        this.records = records;
        this.catalog = catalog;
        this.citizens = citizens;
        this.register = register;
        this.departments = departments;
        this.clock = clock;
        this.regionCode = regionCode;
    }

    String regionCode() {
        return regionCode;
    }

    List<DeliveredChange> deliver(List<ChangeRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        Set<Long> recordIds = rows.stream().map(ChangeRow::recordId).filter(id -> id != null).collect(Collectors.toSet());
        Map<Long, CreditRecord> recordsById = records.byIds(recordIds).stream().collect(Collectors.toMap(CreditRecord::id, Function.identity()));
        Set<String> endedEntries = ended(rows.stream().filter(r -> r.shared() == Shared.LIST_ENTRY).map(ChangeRow::entityId).toList());

        // who must be named: the people of the decisions that may be shared, and of the list entries still in force
        Map<ChangeRow, Boolean> withdrawn = new HashMap<>();
        Map<SubjectKey, Long> entrySubjects = new HashMap<>();
        Set<Long> named = new HashSet<>();
        for (ChangeRow r : rows) {
            boolean w = switch (r.shared()) {
                case LICENCE, PENALTY -> {
                    CreditRecord rec = recordsById.get(r.recordId());
                    yield rec == null || !shareable(rec, today);
                }
                case LIST_ENTRY -> endedEntries.contains(Long.toString(r.entityId()));
                case OBJECTION, REPAIR -> false;
            };
            withdrawn.put(r, w);
            if (!w && r.shared().isDecision()) {
                named.add(recordsById.get(r.recordId()).subjectId());
            }
        }
        List<SubjectKey> entryKeys = rows.stream().filter(r -> r.shared() == Shared.LIST_ENTRY && !withdrawn.get(r)).map(ChangeRow::subject)
                .distinct().toList();
        if (!entryKeys.isEmpty()) {
            entrySubjects.putAll(citizens.subjectIdsOf(entryKeys));
            named.addAll(entrySubjects.values());
        }
        Map<Long, IdNumber> numbers = named.isEmpty() ? Map.of() : citizens.revealAll(named, REVEAL_PURPOSE);
        Map<Long, String> names = named.isEmpty() ? Map.of() : register.namesOf(named);
        Map<DepartmentCode, Department> depts = new HashMap<>();
        Function<DepartmentCode, Department> department = code -> depts.computeIfAbsent(code, c -> departments.find(c).orElse(null));

        return rows.stream().map(r -> {
            boolean w = withdrawn.get(r);
            Map<String, String> fields = switch (r.shared()) {
                case LICENCE, PENALTY -> decision(r, recordsById.get(r.recordId()), w, numbers, names, department);
                case LIST_ENTRY -> entry(r, w, entrySubjects.get(r.subject()), numbers, names, department);
                case OBJECTION, REPAIR -> answer(r, recordsById.get(r.recordId()), department);
            };
            return new DeliveredChange(r.position(), r.shared().identifier(regionCode, r.entityId()), r.shared(), r.kind(), w,
                    r.occurredAt(), fields);
        }).toList();
    }

    private static boolean shareable(CreditRecord r, LocalDate today) {
        return SharingRule.shareable(r.status().name(), r.subjectMinor(), r.decisionDate(), r.expiresOn(), today);
    }

    /** The list entries among these that have ended (a withdrawing change of theirs is in the feed). */
    private Set<String> ended(Collection<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                select entity_id::text from exchange_change
                where entity = 'LIST_ENTRY' and entity_id = any(:ids) and change_kind in ('REVOKED', 'REPAIRED', 'EXPIRED')""")
                .param("ids", entryIds.stream().distinct().toArray(Long[]::new)).query(String.class).list());
    }

    private Map<String, String> decision(ChangeRow r, CreditRecord rec, boolean withdrawn, Map<Long, IdNumber> numbers,
            Map<Long, String> names, Function<DepartmentCode, Department> department) {
        String p = r.shared().prefix() + "_";
        Map<String, String> f = new LinkedHashMap<>();
        if (rec == null) {
            f.put(p + "ZT", "3");
            return f;
        }
        Department dept = department.apply(rec.departmentCode());
        String deptName = dept == null ? rec.departmentCode().value() : dept.name();
        f.put(p + "ZT", SharingRule.nationalStatus(rec.status().name(), !withdrawn));
        f.put("DFBM", dept == null ? regionCode : dept.regionCode());
        f.put("SJC", NationalColumns.time(rec.updatedAt()));
        if (withdrawn) {
            return f;
        }
        Item item = catalog.item(rec.itemCode()).orElse(null);
        RecordSubstance substance = RecordSubstance.of(item, rec.content());
        String itemName = item == null ? rec.itemCode() : item.name();
        String authority = substance.authority() != null ? substance.authority() : deptName;
        f.put(p + "WSH", rec.documentNumber());
        f.put(p + "XDR_MC", names.get(rec.subjectId()));
        f.put(p + "XDR_LB", NATURAL_PERSON);
        IdNumber number = numbers.get(rec.subjectId());
        f.put(p + "XDR_SFZ", number == null ? null : number.value());
        f.put(p + "JDRQ", rec.decisionDate().toString());
        f.put(p + "XZJG", authority);
        if (r.shared() == Shared.LICENCE) {
            f.put("XK_XMMC", text(rec, "licenseName", itemName));
            f.put("XK_SPLB", text(rec, "approvalCategory", null));
            f.put("XK_NR", text(rec, "licenseContent", substance.summary()));
            f.put("XK_XKBH", text(rec, "licenseNumber", null));
            f.put("XK_JZQ", text(rec, "validTo", null));
        } else {
            f.put("CF_CFMC", text(rec, "penaltyName", itemName));
            f.put("CF_CFLB1", substance.kind());
            f.put("CF_SY", substance.facts());
            f.put("CF_YJ", substance.decisionBasis());
            f.put("CF_JG", substance.result());
            f.put("CF_NR_FK", tenThousands(rec.content().get("fineAmount")));
            f.put("CF_NR_WFFF", tenThousands(rec.content().get("confiscatedAmount")));
            // the last day it is published: the day before its period ends
            f.put("CF_GSJZQ", rec.expiresOn().minusDays(1).toString());
        }
        return f;
    }

    private Map<String, String> entry(ChangeRow r, boolean withdrawn, Long subjectId, Map<Long, IdNumber> numbers, Map<Long, String> names,
            Function<DepartmentCode, Department> department) {
        JsonNode facts = JSON.readTree(r.facts());
        Department dept = department.apply(DepartmentCode.of(facts.get("department").asString()));
        Map<String, String> f = new LinkedHashMap<>();
        f.put("MD_MC", LIST_NAME);
        f.put("MD_YCRQ", optional(facts, "endedOn"));
        f.put("MD_YCYY", optional(facts, "reason"));
        f.put("DFBM", dept == null ? regionCode : dept.regionCode());
        f.put("SJC", NationalColumns.time(r.occurredAt()));
        if (withdrawn) {
            return f;
        }
        f.put("MD_XDR_MC", subjectId == null ? null : names.get(subjectId));
        IdNumber number = subjectId == null ? null : numbers.get(subjectId);
        f.put("MD_XDR_SFZ", number == null ? null : number.value());
        f.put("MD_RDWSH", optional(facts, "documentNumber"));
        f.put("MD_RDYJ", optional(facts, "legalBasis"));
        f.put("MD_RDBM", dept == null ? facts.get("department").asString() : dept.name());
        f.put("MD_LRRQ", optional(facts, "startDate"));
        f.put("MD_YXQZ", optional(facts, "endDate"));
        return f;
    }

    /** An answer to an objection or a repair application: about a decision by its identifier, never naming the person. */
    private Map<String, String> answer(ChangeRow r, CreditRecord rec, Function<DepartmentCode, Department> department) {
        JsonNode facts = JSON.readTree(r.facts());
        String p = r.shared().prefix() + "_";
        Map<String, String> f = new LinkedHashMap<>();
        f.put(p + "BH", Long.toString(r.entityId()));
        Shared about = rec == null ? Shared.PENALTY
                : catalog.item(rec.itemCode()).flatMap(PublicDecisionType::of).map(t -> t == PublicDecisionType.LICENCE ? Shared.LICENCE
                        : Shared.PENALTY).orElse(Shared.PENALTY);
        f.put(p + "XXBS", about.identifier(regionCode, r.recordId()));
        f.put(p + "JG", optional(facts, "outcome"));
        f.put(p + "LY", optional(facts, "reasons"));
        f.put(p + "JDSJ", NationalColumns.time(r.occurredAt()));
        f.put(p + "YQ", facts.path("late").asBoolean(false) ? "是" : "否");
        Department dept = rec == null ? null : department.apply(rec.departmentCode());
        f.put("DFBM", dept == null ? regionCode : dept.regionCode());
        f.put("SJC", NationalColumns.time(r.occurredAt()));
        return f;
    }

    private static String optional(JsonNode facts, String name) {
        JsonNode v = facts.get(name);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static String text(CreditRecord rec, String field, String otherwise) {
        Object v = rec.content().get(field);
        return v == null || v.toString().isBlank() ? otherwise : v.toString();
    }

    /** An amount in 元 as the national format writes it, in 万元 (up to six decimals, no trailing zeros). */
    static String tenThousands(Object yuan) {
        if (yuan == null || yuan.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(yuan.toString().strip()).divide(TEN_THOUSAND, 6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
