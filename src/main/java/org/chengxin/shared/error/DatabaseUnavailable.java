package org.chengxin.shared.error;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A failure because PostgreSQL cannot be reached (down, restarting, refusing connections): answered 503 with
 * {@value #CODE} and a Chinese message, for the API as a problem detail, for pages on the error page, instead of a
 * server error. Nothing was written by the request (its transaction, if any, never committed); the pool connects
 * again by itself once the database is back.
 */
public final class DatabaseUnavailable {

    public static final String CODE = "DATABASE_UNAVAILABLE";
    public static final String MESSAGE = "数据库暂时无法访问，本次操作未执行也未保存任何内容，请稍后重试";

    private DatabaseUnavailable() {
    }

    /** The refusal to answer for this failure, or {@code null} when it is not the database being out of reach. */
    public static ChengxinException of(Throwable failure) {
        return is(failure) ? ChengxinException.unavailable(CODE, MESSAGE) : null;
    }

    /** Whether the failure, or one of its causes, is the database out of reach. */
    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof DataAccessResourceFailureException
                    || (t instanceof CannotCreateTransactionException && isConnection(t.getCause()))) {
                return true;
            }
            if (t instanceof SQLException sql && lostConnection(sql.getSQLState())) {
                return true;
            }
            // a rollback on a connection the pool closed (no SQL state) overrides the failure that lost it
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && is(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnection(Throwable cause) {
        return cause == null || is(cause);
    }

    /**
     * SQL states of a connection gone or refused: class 08 (connection exception) and the server shutting down or
     * starting up (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now).
     */
    private static boolean lostConnection(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }
}
