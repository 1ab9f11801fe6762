package org.chengxin.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Where a read-only transaction's connection comes from: the replica while it is within its lag bound, the primary
 * otherwise (or when the replica refuses a connection). Counts the connections it hands out from each.
 */
public class ReplicaOrPrimary extends DelegatingDataSource {

    private final ReplicaLag replica;
    private final AtomicLong fromReplica = new AtomicLong();
    private final AtomicLong fromPrimary = new AtomicLong();

    ReplicaOrPrimary(DataSource primary, ReplicaLag replica) {
        super(primary);
        this.replica = replica;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (replica.usable()) {
            try {
                Connection c = replica.dataSource().getConnection();
                fromReplica.incrementAndGet();
                return c;
            } catch (SQLException e) {
                replica.unreachable(e.getMessage());
            }
        }
        fromPrimary.incrementAndGet();
        return obtainTargetDataSource().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    /** Read-only transactions served by the replica so far. */
    public long fromReplica() {
        return fromReplica.get();
    }

    /** Read-only transactions that went to the primary so far (replica lagging or unreachable). */
    public long fromPrimary() {
        return fromPrimary.get();
    }
}
