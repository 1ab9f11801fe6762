package org.chengxin.runtime;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded mode's settings.
 *
 * @param dataDirectory where PostgreSQL keeps its files (default {@code ${chengxin.data-dir}/postgres})
 * @param ephemeral start from an empty database every time (tests)
 * @param port a fixed port, or 0 for any free one
 */
@ConfigurationProperties("chengxin.embedded")
record EmbeddedDatabaseProperties(Path dataDirectory, boolean ephemeral, int port) {
}
