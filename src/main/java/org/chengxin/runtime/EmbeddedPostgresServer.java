package org.chengxin.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL server per data directory and JVM. Test contexts in one JVM share it;
 * the application keeps its data across restarts. The server stops when the last application
 * context using it closes, so it outlives every connection pool (zonky's own shutdown hook would
 * race the contexts' shutdown and leave them waiting for connections).
 */
final class EmbeddedPostgresServer {

    static final String DATABASE = "chengxin";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();

    private final EmbeddedPostgres postgres;
    private final Path directory;
    private int users;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path directory) {
        this.postgres = postgres;
        this.directory = directory;
    }

    /** The server of this directory, started if needed; every caller must {@link #release()} it. */
    static EmbeddedPostgresServer obtain(Path directory, boolean ephemeral, int port) {
        Path dir = directory.toAbsolutePath().normalize();
        synchronized (RUNNING) {
            EmbeddedPostgresServer server = RUNNING.computeIfAbsent(dir, d -> start(d, ephemeral, port));
            server.users++;
            return server;
        }
    }

    /** One user fewer; the last one stops the server. */
    void release() {
        synchronized (RUNNING) {
            if (--users > 0) {
                return;
            }
            RUNNING.remove(directory);
        }
        close();
    }

    private void close() {
        try {
            postgres.close();
            log.info("嵌入式 PostgreSQL 已停止：{}", directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgresServer start(Path dir, boolean ephemeral, int port) {
        try {
            Files.createDirectories(dir.getParent());
            stopOrphanedPostmaster(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.toFile())
                    .setCleanDataDirectory(ephemeral)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "Asia/Shanghai");
            if (!ephemeral) {
                // Zonky starts PostgreSQL with fsync off, which suits throw-away test data only.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            createDatabase(postgres);
            log.info("嵌入式 PostgreSQL 已启动：端口 {}，数据目录 {}", postgres.getPort(), dir);
            return new EmbeddedPostgresServer(postgres, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("嵌入式 PostgreSQL 无法启动（数据目录 " + dir + "）", e);
        }
    }


    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    int port() {
        return postgres.getPort();
    }

    private static void createDatabase(EmbeddedPostgres postgres) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + DATABASE + " encoding 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("无法在嵌入式 PostgreSQL 中创建数据库 " + DATABASE, e);
        }
    }

    private static boolean interrupt(long pid) {
        try {
            return new ProcessBuilder("kill", "-INT", Long.toString(pid)).redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A JVM killed without its shutdown hook leaves its postmaster running on the data directory;
     * stop it so the directory can be used again.
     */
    private static void stopOrphanedPostmaster(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        if (!first.matches("\\d+")) {
            return;
        }
        ProcessHandle.of(Long.parseLong(first))
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .ifPresent(p -> {
                    log.warn("发现上次未正常关闭的嵌入式 PostgreSQL（进程 {}），正在停止", p.pid());
                    // a fast shutdown (SIGINT): the sessions of the dead JVM may still be running their last statement,
                    // which a smart shutdown (SIGTERM) would wait for; the shutdown checkpoint of a kill in the middle
                    // of a big push can take a while on a busy machine
                    if (!interrupt(p.pid())) {
                        p.destroy();
                    }
                    p.onExit().orTimeout(180, TimeUnit.SECONDS).join();
                });
    }
}
