/** PostgreSQL-specific JDBC helpers: bulk loading with COPY. */
package org.chengxin.shared.jdbc;
