/** Storage of records. */
package org.chengxin.records.internal;
