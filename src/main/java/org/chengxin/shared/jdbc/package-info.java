/** PostgreSQL-specific JDBC helpers: bulk loading with COPY, and the one conversion of a subject key. */
package org.chengxin.shared.jdbc;
