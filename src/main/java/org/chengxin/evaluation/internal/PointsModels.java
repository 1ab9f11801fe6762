package org.chengxin.evaluation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.chengxin.evaluation.ModelVersion;
import org.chengxin.evaluation.domain.GradeBands;
import org.chengxin.evaluation.domain.ObjectedRecords;
import org.chengxin.evaluation.domain.PointsModel;
import org.chengxin.shared.cluster.ClusterJobs;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The points model as configuration in the database, versioned with an effective date. A new
 * installation starts with the Yueyang default.
 */
@Component
@Order(-5)
class PointsModels implements ApplicationRunner {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The stored configuration; {@code objectedRecords} is absent from none since V17 (absent reads as COUNT). */
    record Config(int basePoints, Map<String, Integer> byKindAndSeverity, Map<String, Integer> byItem, GradeBands bands,
            ObjectedRecords objectedRecords) {

        static Config of(PointsModel m) {
            return new Config(m.basePoints(), m.byKindAndSeverity(), m.byItem(), m.bands(), m.objectedRecords());
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ClusterJobs cluster;

    PointsModels(JdbcClient jdbc, Clock clock, ClusterJobs cluster) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cluster = cluster;
    }

    @Override
    public void run(ApplicationArguments args) {
        cluster.exclusively("evaluation.initial-model", this::storeDefaultIfNone);
    }

    private void storeDefaultIfNone() {
        boolean none = jdbc.sql("select count(*) from evaluation_model").query(Long.class).single() == 0;
        if (none) {
            PointsModel m = PointsModel.yueyang(LocalDate.of(2026, 4, 1));
            jdbc.sql("""
                    insert into evaluation_model (version, effective_from, config, published_by)
                    values (:v, :from, cast(:config as jsonb), :by) on conflict (version) do nothing""")
                    .param("v", m.version()).param("from", m.effectiveFrom())
                    .param("config", JSON.writeValueAsString(Config.of(m)))
                    .param("by", CurrentActor.get().name()).update();
        }
    }

    /** Every version, newest effective date first. */
    List<ModelVersion> versions() {
        return jdbc.sql("select version, effective_from, published_by from evaluation_model order by effective_from desc, id desc")
                .query((rs, n) -> new ModelVersion(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getString(3))).list();
    }

    /** Stores a new version; false when the version name is taken. */
    boolean publish(PointsModel m) {
        return jdbc.sql("""
                insert into evaluation_model (version, effective_from, config, published_by)
                values (:v, :from, cast(:config as jsonb), :by) on conflict (version) do nothing""")
                .param("v", m.version()).param("from", m.effectiveFrom())
                .param("config", JSON.writeValueAsString(Config.of(m)))
                .param("by", CurrentActor.get().name()).update() == 1;
    }

    /** The model in force today. */
    PointsModel current() {
        record Row(String version, LocalDate from, String config) {
        }
        return jdbc.sql("""
                select version, effective_from, config from evaluation_model
                where effective_from <= :today order by effective_from desc, id desc limit 1""")
                .param("today", LocalDate.now(clock))
                .query((rs, n) -> new Row(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3)))
                .optional()
                .map(r -> {
                    Config c = JSON.readValue(r.config(), new TypeReference<Config>() { });
                    return new PointsModel(r.version(), r.from(), c.basePoints(), c.byKindAndSeverity(),
                            c.byItem() == null ? Map.of() : c.byItem(), c.bands(), c.objectedRecords());
                })
                .orElseGet(() -> PointsModel.yueyang(LocalDate.of(2026, 4, 1)));
    }
}
