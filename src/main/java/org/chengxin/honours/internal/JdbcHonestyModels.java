package org.chengxin.honours.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.DisclosureScope;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.ItemField;
import org.chengxin.catalog.domain.ItemKind;
import org.chengxin.honours.HonestyModels;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.jdbc.SubjectKeys;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consents' table and the public list. What is shown is read at the time of the page from the records in force
 * ({@code Records.inForceFor}): an honour that expires, is revoked or repaired away is gone from the page at once,
 * and so is a person who withdraws. Only good-credit records of items the catalog discloses to the public.
 */
@Service
class JdbcHonestyModels implements HonestyModels {

    private final JdbcClient jdbc;
    private final Records records;
    private final Catalog catalog;
    private final Departments departments;
    private final Citizens citizens;
    private final PopulationRegister register;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcHonestyModels(JdbcClient jdbc, Records records, Catalog catalog, Departments departments, Citizens citizens,
            PopulationRegister register, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.catalog = catalog;
        this.departments = departments;
        this.citizens = citizens;
        this.register = register;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<Honour> honoursOf(SubjectKey subject) {
        List<Honour> honours = new ArrayList<>();
        for (CreditRecord r : records.inForceFor(subject)) {
            Optional<Item> item = catalog.item(r.itemCode())
                    .filter(i -> i.kind() == ItemKind.GOOD_CREDIT && i.scope() == DisclosureScope.PUBLIC);
            if (item.isEmpty()) {
                continue;
            }
            String department = departments.find(r.departmentCode()).map(Department::name).orElse(r.departmentCode().value());
            honours.add(new Honour(r.id(), item.get().name(), department, r.decisionDate(), r.documentNumber(), detail(item.get(), r.content())));
        }
        return honours;
    }

    /** The record's own fields in words, each with its label; ID-shaped runs masked. */
    private static String detail(Item item, Map<String, Object> content) {
        List<String> parts = new ArrayList<>();
        for (ItemField field : item.fields()) {
            Object value = content == null ? null : content.get(field.name());
            if (value != null && !String.valueOf(value).isBlank()) {
                parts.add(field.label() + "：" + Masking.maskIdShaped(String.valueOf(value)));
            }
        }
        return String.join("；", parts);
    }

    @Override
    public Optional<Instant> consentOf(SubjectKey subject) {
        return jdbc.sql("select consented_at from honours_consent where subject_index = :s").param("s", subject.bytes())
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    @Override
    @Transactional
    public void consent(long subjectId, SubjectKey subject) {
        if (honoursOf(subject).isEmpty()) {
            throw ChengxinException.badRequest("HONOURS_NONE", "您目前没有可以在“诚信典型”栏目公开的守信记录");
        }
        Instant now = Instant.now(clock);
        int added = jdbc.sql("""
                        insert into honours_consent (subject_index, subject_id, consented_at) values (:s, :id, :at)
                        on conflict (subject_index) do nothing""")
                .param("s", subject.bytes()).param("id", subjectId).param("at", Timestamp.from(now)).update();
        if (added == 1) {
            events.publishEvent(AuditEvent.of(CurrentActor.get(), now, "honours.consent", subject, null, AuditOutcome.SUCCESS,
                    "本人同意在“诚信典型”栏目公开姓名和守信记录"));
        }
    }

    @Override
    @Transactional
    public void withdraw(SubjectKey subject) {
        int removed = jdbc.sql("delete from honours_consent where subject_index = :s").param("s", subject.bytes()).update();
        if (removed == 1) {
            events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "honours.withdraw", subject, null,
                    AuditOutcome.SUCCESS, "本人撤回在“诚信典型”栏目公开的同意，即时下线"));
        }
    }

    @Override
    public List<Model> published(int page, int size) {
        record Consent(SubjectKey subject, long subjectId) {
        }
        List<Consent> consents = jdbc.sql("select subject_index, subject_id from honours_consent order by consented_at desc, subject_id"
                        + " limit :n offset :o")
                .param("n", size).param("o", (long) Math.max(0, page) * size)
                .query((rs, n) -> new Consent(SubjectKeys.read(rs, 1), rs.getLong(2))).list();
        return consents.stream().map(c -> {
            List<Honour> honours = honoursOf(c.subject());
            if (honours.isEmpty()) {
                return null;
            }
            String masked = citizens.findById(c.subjectId()).map(CitizenRef::maskedId).orElse("—");
            return new Model(register.nameOf(c.subjectId()).orElse("（姓名未登记）"), masked, honours);
        }).filter(Objects::nonNull).toList();
    }

    @Override
    public long countPublished() {
        return jdbc.sql("select count(*) from honours_consent").query(Long.class).single();
    }
}
