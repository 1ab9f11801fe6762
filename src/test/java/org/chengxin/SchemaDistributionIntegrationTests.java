package org.chengxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.chengxin.support.ChengxinIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The schema follows docs/scaling.md: every table is either per person (distributed by the subject key, so it carries that
 * key in a column that is never empty), a reference table (small, the same on every node) or a local table of the
 * coordinator. A new table fails this test until it is placed in one of the three, here and in the document.
 */
@ChengxinIntegrationTest
class SchemaDistributionIntegrationTests {

    /** Per-person tables and the column that holds the subject key (the keyed SM3 blind index of the ID number). */
    static final Map<String, String> PER_PERSON = new TreeMap<>(Map.ofEntries(
            Map.entry("identity_subject", "blind_index"),
            Map.entry("identity_resident", "subject_index"),
            Map.entry("identity_contact", "subject_index"),
            Map.entry("records_record", "subject_index"),
            Map.entry("records_record_version", "subject_index"),
            Map.entry("records_status_change", "subject_index"),
            Map.entry("evaluation_score", "subject_index"),
            Map.entry("evaluation_pending", "subject_index"),
            Map.entry("evaluation_grade_history", "subject_index"),
            Map.entry("lists_entry", "subject_index"),
            Map.entry("lists_entry_record", "subject_index"),
            Map.entry("measures_check", "subject_index"),
            Map.entry("inquiry_query", "subject_index"),
            Map.entry("inquiry_report", "subject_index"),
            Map.entry("inquiry_authorization", "subject_index"),
            Map.entry("statements_statement", "subject_index"),
            Map.entry("remedies_objection", "subject_index"),
            Map.entry("remedies_repair", "subject_index"),
            Map.entry("remedies_attachment", "subject_index"),
            Map.entry("remedies_repair_proof", "subject_index"),
            Map.entry("complaints_complaint", "subject_index"),
            Map.entry("honours_consent", "subject_index"),
            Map.entry("notifications_notice", "subject_index"),
            Map.entry("notifications_delivery", "subject_index"),
            Map.entry("notifications_preference", "subject_index"),
            Map.entry("organization_citizen_account", "blind_index"),
            Map.entry("organization_activation_code", "subject_index"),
            Map.entry("organization_activation_failure", "number_index"),
            Map.entry("organization_code_request", "number_index")));

    /** Small tables every node holds a copy of: the catalog, the models, the organizations, the calendar. */
    static final Set<String> REFERENCE = Set.of("catalog_domain", "catalog_group", "catalog_item", "catalog_version",
            "calendar_day", "calendar_year", "evaluation_model", "measures_version", "organization_department",
            "organization_api_client", "organization_staff_account", "bulletins_article", "lists_agency_blacklist");

    /** Tables of the coordinator alone: the audit chain, the batches, the outbox, sessions, job runs, security tokens, migrations. */
    static final Set<String> LOCAL = Set.of("audit_entry", "audit_chain_head", "audit_inbox", "audit_archive", "event_publication",
            "ingestion_batch", "ingestion_rejection", "inquiry_flag", "notifications_cursor",
            "organization_revoked_access_token", "spring_session", "spring_session_attributes", "cluster_job", "cluster_job_run",
            "evaluation_run", "flyway_schema_history", "exchange_change", "exchange_delivery", "exchange_horizon",
            "firms_firm", "firms_record", "firms_record_person",
            "organization_staff_second_factor", "organization_staff_recovery_code", "organization_second_factor_reset",
            "organization_login_failure");

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyTableIsPlacedAndEveryPerPersonTableCarriesTheSubjectKey() {
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1""")
                .query(String.class).list();
        Set<String> unplaced = new TreeSet<>(tables);
        unplaced.removeAll(PER_PERSON.keySet());
        unplaced.removeAll(REFERENCE);
        unplaced.removeAll(LOCAL);
        unplaced.removeIf(t -> t.startsWith("oauth"));
        assertThat(unplaced).as("tables not placed in docs/scaling.md's plan").isEmpty();
        assertThat(tables).containsAll(PER_PERSON.keySet()).containsAll(REFERENCE);

        PER_PERSON.forEach((table, column) -> {
            Map<String, Object> declared = jdbc.sql("""
                    select data_type, is_nullable from information_schema.columns
                    where table_schema = current_schema() and table_name = :t and column_name = :c""")
                    .param("t", table).param("c", column).query().singleRow();
            assertThat(declared.get("data_type")).as(table + "." + column).isEqualTo("bytea");
            assertThat(declared.get("is_nullable")).as(table + "." + column + " may not be empty").isEqualTo("NO");
        });
    }
}
