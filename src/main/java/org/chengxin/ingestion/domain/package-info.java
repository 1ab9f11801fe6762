/** Row checks in plain Java. */
package org.chengxin.ingestion.domain;
