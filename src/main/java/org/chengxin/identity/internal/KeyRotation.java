package org.chengxin.identity.internal;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.chengxin.shared.cluster.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes an SM4 key rotation: rows still encrypted under an older key id are re-encrypted under
 * the active key, a batch at a time, in the background. When no row uses an old key any more, that
 * key can be removed from CHENGXIN_SM4_KEYS. Rows under a key id the platform does not know are
 * left alone (and stay unreadable until the key is configured again).
 */
@Component
class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final IdentityKeys keys;
    private final TransactionTemplate transactions;
    private final ClusterJobs jobs;
    private final Duration interval;

    @Autowired
    KeyRotation(JdbcClient jdbc, IdentityKeys keys, TransactionTemplate transactions, ClusterJobs jobs,
            @Value("${chengxin.crypto.rotation-interval:PT10M}") Duration interval) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.transactions = transactions;
        this.jobs = jobs;
        this.interval = interval;
    }

    /** Without the scheduler's guard (tests call {@link #rotateBatch()} themselves). */
    KeyRotation(JdbcClient jdbc, IdentityKeys keys, TransactionTemplate transactions) {
        this(jdbc, keys, transactions, null, Duration.ofMinutes(10));
    }

    @Scheduled(fixedDelayString = "${chengxin.crypto.rotation-interval:PT10M}", initialDelayString = "PT1M")
    void rotateInBackground() {
        // once across instances (two instances re-encrypting the same rows would only repeat each other's work)
        jobs.runOnce("identity.key-rotation", interval.dividedBy(2), this::rotateAll);
    }

    private void rotateAll() {
        int total = 0;
        for (int n = rotateBatch(); n > 0; n = rotateBatch()) {
            total += n;
        }
        if (total > 0) {
            log.info("已将 {} 条身份数据改用当前密钥 {} 加密", total, keys.activeKeyId());
        }
    }

    /** Re-encrypts up to one batch of subjects, register names and mobile numbers, and e-mail addresses; returns how many rows changed. */
    int rotateBatch() {
        Set<String> old = keys.retiredKeyIds();
        if (old.isEmpty()) {
            return 0;
        }
        Integer n = transactions.execute(status ->
                rotate("identity_subject", "id", "id_cipher", "key_id", JdbcCitizens.ID_PURPOSE, old)
                        + rotate("identity_resident", "subject_id", "name_cipher", "key_id", JdbcPopulationRegister.NAME_PURPOSE, old)
                        + rotate("identity_resident", "subject_id", "mobile_cipher", "mobile_key_id",
                                JdbcPopulationRegister.MOBILE_PURPOSE, old)
                        + rotate("identity_contact", "subject_id", "email_cipher", "key_id", JdbcContacts.EMAIL_PURPOSE, old));
        return n == null ? 0 : n;
    }

    private int rotate(String table, String idColumn, String cipherColumn, String keyColumn, String purpose, Set<String> old) {
        record Row(long id, byte[] cipher, String keyId) {
        }
        List<Row> rows = jdbc.sql("select " + idColumn + ", " + cipherColumn + ", " + keyColumn + " from " + table
                        + " where " + keyColumn + " in (:old) limit " + BATCH + " for update skip locked")
                .param("old", old)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getBytes(2), rs.getString(3))).list();
        for (Row row : rows) {
            String plain = Sm4Gcm.decrypt(keys.key(row.keyId()), purpose, row.cipher());
            jdbc.sql("update " + table + " set " + cipherColumn + " = :cipher, " + keyColumn + " = :active where " + idColumn + " = :id")
                    .param("cipher", Sm4Gcm.encrypt(keys.activeKey(), purpose, plain))
                    .param("active", keys.activeKeyId()).param("id", row.id()).update();
        }
        return rows.size();
    }
}
