package org.chengxin.shared.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.chengxin.shared.organization.DepartmentCode;

/**
 * The JDBC reading of a {@link DepartmentCode} from a {@code varchar} column, for the columns that may be
 * null (a citizen's query has no department). A code is bound with {@link DepartmentCode#value()}.
 */
public final class DepartmentCodes {

    private DepartmentCodes() {
    }

    /** The code in this column, or null where the column is null. */
    public static DepartmentCode read(ResultSet rs, String column) throws SQLException {
        String code = rs.getString(column);
        return code == null ? null : DepartmentCode.of(code);
    }

    /** The plain code to bind, or null for no code. */
    public static String value(DepartmentCode code) {
        return code == null ? null : code.value();
    }
}
