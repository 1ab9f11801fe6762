/** PostgreSQL-specific JDBC helpers: bulk loading with COPY, the one conversion of a subject key, and
 * the reading of a department code from a column that may be null. */
package org.chengxin.shared.jdbc;
