package org.chengxin.catalog.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.CatalogRules;
import org.chengxin.catalog.domain.CatalogVersion;
import org.chengxin.catalog.domain.DisclosureScope;
import org.chengxin.catalog.domain.Domain;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.ItemField;
import org.chengxin.catalog.domain.ItemKind;
import org.chengxin.catalog.domain.KeyGroup;
import org.chengxin.catalog.domain.LegalBasis;
import org.chengxin.catalog.domain.Severity;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog in PostgreSQL, held in memory as an immutable list of versions that is swapped whole
 * after a publication (and re-read every minute, for other instances' publications).
 */
@Service
class JdbcCatalog implements Catalog {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ItemField>> FIELDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private volatile Snapshot snapshot = new Snapshot(List.of(), List.of(), List.of());

    record Snapshot(List<CatalogVersion> versions, List<Domain> domains, List<KeyGroup> groups) {
    }

    JdbcCatalog(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public CatalogVersion current() {
        return inForceOn(LocalDate.now(clock)).orElseThrow(() -> ChengxinException.unavailable(
                "CATALOG_NOT_IN_FORCE", "尚无生效的信息目录"));
    }

    @Override
    public Optional<CatalogVersion> inForceOn(LocalDate day) {
        CatalogVersion inForce = null;
        for (CatalogVersion v : snapshot.versions()) {
            if (!v.effectiveFrom().isAfter(day)) {
                inForce = v;
            }
        }
        return Optional.ofNullable(inForce);
    }

    @Override
    public List<CatalogVersion> versions() {
        return snapshot.versions();
    }

    @Override
    public List<Domain> domains() {
        return snapshot.domains();
    }

    @Override
    public List<KeyGroup> groups() {
        return snapshot.groups();
    }

    @Override
    @Transactional
    public CatalogVersion publishItem(Item item, LocalDate effectiveFrom, String note) {
        List<CatalogVersion> all = versions();
        if (!all.isEmpty() && effectiveFrom.isBefore(all.get(all.size() - 1).effectiveFrom())) {
            // a change effective before an already published later version would be missing from it
            throw ChengxinException.badRequest("CATALOG_INVALID", "生效日期不得早于最新版本的生效日期（"
                    + all.get(all.size() - 1).effectiveFrom() + "）");
        }
        Map<String, Item> items = new LinkedHashMap<>(inForceOn(effectiveFrom).map(CatalogVersion::items).orElse(Map.of()));
        items.put(item.code(), item);
        CatalogVersion published = publish(null, effectiveFrom, note, List.copyOf(items.values()));
        String label = published.label();
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "catalog.publish", null, "目录维护",
                AuditOutcome.SUCCESS, "发布目录版本 " + label + "（" + effectiveFrom + " 起生效），变更信息项 " + item.code()));
        return published;
    }

    /** Validates and stores a whole version, then refreshes the snapshot. */
    @Transactional
    CatalogVersion publish(String label, LocalDate effectiveFrom, String note, List<Item> items) {
        Set<String> domainCodes = domainCodes();
        Set<String> groupCodes = groups().stream().map(KeyGroup::code).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        Set<String> codes = new TreeSet<>();
        for (Item item : items) {
            problems.addAll(CatalogRules.problemsOf(item, domainCodes, groupCodes));
            if (!codes.add(item.code())) {
                problems.add(item.code() + "：信息项代码重复");
            }
        }
        if (!effectiveFrom.isAfter(LocalDate.now(clock).minusDays(1)) && !versions().isEmpty()) {
            problems.add("新版本的生效日期不得早于今天");
        }
        if (!problems.isEmpty()) {
            ChengxinException refusal = ChengxinException.badRequest("CATALOG_INVALID", "目录不符合规则：" + String.join("；", problems));
            throw refusal;
        }
        long id = jdbc.sql("""
                insert into catalog_version (label, effective_from, note, published_by)
                values (:label, :from, :note, :by) returning id""")
                .param("label", label != null ? label : "p-" + UUID.randomUUID()).param("from", effectiveFrom)
                .param("note", note).param("by", CurrentActor.get().name()).query(Long.class).single();
        if (label == null) {
            // labels from the database's own sequence: two instances publishing at once never collide
            jdbc.sql("update catalog_version set label = :l where id = :id")
                    .param("l", effectiveFrom + "-" + id).param("id", id).update();
        }
        for (Item i : items) {
            jdbc.sql("""
                    insert into catalog_item (version_id, code, name, domain_code, kind, severity, scope, min_months,
                        max_months, departments, key_groups, adults_only, dishonesty_category, fields, legal_law,
                        legal_article, description)
                    values (:v, :code, :name, :domain, :kind, :severity, :scope, :min, :max, :departments, :groups,
                        :adults, :category, cast(:fields as jsonb), :law, :article, :description)""")
                    .param("v", id).param("code", i.code()).param("name", i.name()).param("domain", i.domain())
                    .param("kind", i.kind().name()).param("severity", i.severity() == null ? null : i.severity().name())
                    .param("scope", i.scope().name()).param("min", i.minMonths()).param("max", i.maxMonths())
                    .param("departments", new TreeSet<>(i.departments()).toArray(String[]::new))
                    .param("groups", new TreeSet<>(i.groups()).toArray(String[]::new))
                    .param("adults", i.adultsOnly()).param("category", i.dishonestyCategory())
                    .param("fields", JSON.writeValueAsString(i.fields()))
                    .param("law", i.legalBasis().law()).param("article", i.legalBasis().article())
                    .param("description", i.description()).update();
        }
        refresh();
        CatalogVersion stored = versions().stream().filter(v -> v.id() == id).findFirst().orElseThrow();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // what this transaction wrote is visible to readers only once it commits; on a rollback, forget it
            TransactionSynchronizationManager.registerSynchronization(
                    new TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            refresh();
                        }
                    });
        }
        return stored;
    }

    @Transactional
    void saveDomainsAndGroups(List<Domain> domains, List<KeyGroup> groups) {
        for (int n = 0; n < domains.size(); n++) {
            jdbc.sql("insert into catalog_domain (code, name, sort) values (:c, :n, :s) on conflict (code) do nothing")
                    .param("c", domains.get(n).code()).param("n", domains.get(n).name()).param("s", n).update();
        }
        for (int n = 0; n < groups.size(); n++) {
            jdbc.sql("insert into catalog_group (code, name, sort) values (:c, :n, :s) on conflict (code) do nothing")
                    .param("c", groups.get(n).code()).param("n", groups.get(n).name()).param("s", n).update();
        }
        refresh();
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void refresh() {
        List<Domain> domains = jdbc.sql("select code, name from catalog_domain order by sort")
                .query((rs, n) -> new Domain(rs.getString(1), rs.getString(2))).list();
        List<KeyGroup> groups = jdbc.sql("select code, name from catalog_group order by sort")
                .query((rs, n) -> new KeyGroup(rs.getString(1), rs.getString(2))).list();
        record Header(long id, String label, LocalDate from, String note) {
        }
        List<Header> headers = jdbc.sql("select id, label, effective_from, note from catalog_version order by effective_from, id")
                .query((rs, n) -> new Header(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4)))
                .list();
        Map<Long, Map<String, Item>> items = new LinkedHashMap<>();
        jdbc.sql("select * from catalog_item order by version_id, domain_code, code").query(rs -> {
            items.computeIfAbsent(rs.getLong("version_id"), v -> new LinkedHashMap<>()).put(rs.getString("code"), item(rs));
        });
        List<CatalogVersion> versions = headers.stream()
                .map(h -> new CatalogVersion(h.id(), h.label(), h.from(), h.note(), items.getOrDefault(h.id(), Map.of())))
                .sorted(Comparator.comparing(CatalogVersion::effectiveFrom).thenComparing(CatalogVersion::id))
                .toList();
        snapshot = new Snapshot(versions, domains, groups);
    }

    private Set<String> domainCodes() {
        return domains().stream().map(Domain::code).collect(Collectors.toSet());
    }

    private static Item item(ResultSet rs) throws SQLException {
        String severity = rs.getString("severity");
        return new Item(rs.getString("code"), rs.getString("name"), rs.getString("domain_code"),
                ItemKind.valueOf(rs.getString("kind")), severity == null ? null : Severity.valueOf(severity),
                DisclosureScope.valueOf(rs.getString("scope")), rs.getInt("min_months"), rs.getInt("max_months"),
                strings(rs.getArray("departments")), strings(rs.getArray("key_groups")), rs.getBoolean("adults_only"),
                rs.getString("dishonesty_category"), JSON.readValue(rs.getString("fields"), FIELDS),
                new LegalBasis(rs.getString("legal_law"), rs.getString("legal_article")), rs.getString("description"));
    }

    private static Set<String> strings(Array array) throws SQLException {
        return new TreeSet<>(Arrays.asList((String[]) array.getArray()));
    }
}
