/** Storage of authorizations, queries and issued reports; the report's assembly and rendering. */
package org.chengxin.inquiry.internal;
