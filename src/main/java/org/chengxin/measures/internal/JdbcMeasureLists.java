package org.chengxin.measures.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.chengxin.measures.MeasureLists;
import org.chengxin.measures.domain.Measure;
import org.chengxin.measures.domain.MeasureList;
import org.chengxin.measures.domain.ObjectedRecords;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.cluster.ClusterJobs;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The measure lists as versions in {@code measures_version}, the Yueyang default stored at the first
 * start. The version in force is kept in memory for a few seconds (every check reads it), and dropped
 * at once when this instance publishes a new one.
 */
@Service
@Order(-4)
class JdbcMeasureLists implements MeasureLists, ApplicationRunner {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long CACHE_MILLIS = 5_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private volatile Cached cached;

    private record Cached(LocalDate day, long loadedAt, MeasureList list) {
    }
    private final ClusterJobs cluster;

    JdbcMeasureLists(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, ClusterJobs cluster) {
        this.cluster = cluster;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        cluster.exclusively("measures.initial-list", () -> {
            if (jdbc.sql("select count(*) from measures_version").query(Long.class).single() == 0) {
                store(InitialMeasureList.yueyang(LocalDate.of(2026, 4, 1)), "system");
            }
        });
    }

    @Override
    public MeasureList current() {
        LocalDate today = LocalDate.now(clock);
        Cached c = cached;
        long now = System.currentTimeMillis();
        if (c != null && c.day().equals(today) && now - c.loadedAt() < CACHE_MILLIS) {
            return c.list();
        }
        MeasureList list = jdbc.sql("""
                select config from measures_version where effective_from <= :today
                order by effective_from desc, id desc limit 1""")
                .param("today", today).query(String.class).optional()
                .map(json -> JSON.readValue(json, MeasureList.class))
                .orElseGet(() -> InitialMeasureList.yueyang(LocalDate.of(2026, 4, 1)));
        cached = new Cached(today, now, list);
        return list;
    }

    @Override
    public List<ListVersion> versions() {
        return jdbc.sql("""
                select version, effective_from, published_by, jsonb_array_length(config -> 'measures')
                from measures_version order by effective_from desc, id desc""")
                .query((rs, n) -> new ListVersion(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getInt(4)))
                .list();
    }

    @Override
    public MeasureList putMeasure(String version, LocalDate effectiveFrom, Measure measure) {
        MeasureList base = current();
        List<Measure> measures = new ArrayList<>(base.measures().stream().filter(m -> !m.code().equals(measure.code())).toList());
        measures.add(measure);
        measures.sort(Comparator.comparing((Measure m) -> m.kind()).thenComparing(Measure::code));
        boolean replaced = base.measure(measure.code()).isPresent();
        return publish(version, effectiveFrom, base, measures, (replaced ? "修改措施 " : "新增措施 ") + measure.code() + " " + measure.name());
    }

    @Override
    public MeasureList removeMeasure(String version, LocalDate effectiveFrom, String code) {
        MeasureList base = current();
        if (base.measure(code).isEmpty()) {
            throw ChengxinException.notFound("MEASURE_NOT_FOUND", "现行清单中没有编码为 " + code + " 的措施");
        }
        return publish(version, effectiveFrom, base, base.measures().stream().filter(m -> !m.code().equals(code)).toList(),
                "删除措施 " + code);
    }

    @Override
    public MeasureList setObjectedRecords(String version, LocalDate effectiveFrom, ObjectedRecords objectedRecords) {
        if (objectedRecords == null) {
            throw ChengxinException.badRequest("MEASURE_INVALID", "请选择异议中的记录是否触发措施");
        }
        MeasureList base = current();
        return publish(version, effectiveFrom, base, base.measures(), objectedRecords,
                "异议中的记录：" + objectedRecords.label());
    }

    private MeasureList publish(String version, LocalDate effectiveFrom, MeasureList base, List<Measure> measures, String what) {
        return publish(version, effectiveFrom, base, measures, base.objectedRecords(), what);
    }

    private MeasureList publish(String version, LocalDate effectiveFrom, MeasureList base, List<Measure> measures,
            ObjectedRecords objected, String what) {
        String v = version == null ? "" : version.strip();
        if (!v.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,39}")) {
            throw ChengxinException.badRequest("MEASURE_LIST_VERSION_INVALID", "版本号须为 1 至 40 位字母、数字、点、下划线或连字符，如 yueyang-measures-2");
        }
        if (effectiveFrom == null || effectiveFrom.isBefore(LocalDate.now(clock))) {
            throw ChengxinException.badRequest("MEASURE_LIST_DATE_PAST", "施行日期不得早于今天：已作出的核查不追溯改变");
        }
        MeasureList next;
        try {
            next = new MeasureList(v, effectiveFrom, base.matters(), measures, objected);
        } catch (IllegalArgumentException e) {
            throw ChengxinException.badRequest("MEASURE_INVALID", e.getMessage());
        }
        if (!store(next, CurrentActor.get().name())) {
            throw ChengxinException.conflict("MEASURE_LIST_VERSION_TAKEN", "版本号已被使用：" + v);
        }
        cached = null;
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "measures.list-publish", null, "奖惩措施清单调整",
                AuditOutcome.SUCCESS, "发布措施清单 " + v + "，自 " + effectiveFrom + " 起施行：" + what));
        return next;
    }

    private boolean store(MeasureList list, String by) {
        return jdbc.sql("""
                insert into measures_version (version, effective_from, config, published_by)
                values (:v, :from, cast(:config as jsonb), :by) on conflict (version) do nothing""")
                .param("v", list.version()).param("from", list.effectiveFrom()).param("config", JSON.writeValueAsString(list))
                .param("by", by).update() == 1;
    }
}
