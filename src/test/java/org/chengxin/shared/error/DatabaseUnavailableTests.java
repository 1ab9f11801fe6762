package org.chengxin.shared.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.servlet.ServletException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are the database out of reach (503) and which are not (a fault of the platform, 500). */
class DatabaseUnavailableTests {

    @Test
    void aConnectionLostOrRefusedIsTheDatabaseOutOfReachWhereverItIsWrapped() {
        assertThat(DatabaseUnavailable.is(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(DatabaseUnavailable.is(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(DatabaseUnavailable.is(new ServletException("Request processing failed",
                new DataAccessResourceFailureException("lost", new SQLException("I/O error", "08006"))))).isTrue();
    }

    @Test
    void aRollbackOnAClosedConnectionCountsByTheFailureItOverrode() {
        // the pool closes a broken connection; the rollback then fails with a SQL state-less "Connection is closed"
        TransactionSystemException lost = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        lost.initApplicationException(new DataAccessResourceFailureException("lost", new SQLException("I/O error", "08006")));
        assertThat(DatabaseUnavailable.is(new ServletException("Request processing failed", lost))).isTrue();

        TransactionSystemException other = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        other.initApplicationException(new IllegalStateException("a fault of the platform"));
        assertThat(DatabaseUnavailable.is(other)).isFalse();
        assertThat(DatabaseUnavailable.is(new SQLException("duplicate key", "23505"))).isFalse();
    }
}
