package org.chengxin.runtime;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An optional PostgreSQL streaming replica for read-only transactions ({@code chengxin.db.replica.*}). Without a URL
 * everything runs on the primary (the default, and what the tests use unless they configure one).
 *
 * @param url the replica's JDBC URL; empty = no replica
 * @param username its login (the primary's role: a streaming replica has the same roles)
 * @param password its password
 * @param maxLag how far behind the primary the replica may be before read-only transactions go to the primary again
 * @param checkInterval how often the replica's lag is measured
 * @param poolSize the replica pool's largest size
 */
@ConfigurationProperties("chengxin.db.replica")
record ReplicaProperties(String url, String username, String password, @DefaultValue("PT30S") Duration maxLag,
        @DefaultValue("PT5S") Duration checkInterval, @DefaultValue("20") int poolSize) {
}
