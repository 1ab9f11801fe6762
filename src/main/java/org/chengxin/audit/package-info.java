/**
 * The tamper-evident audit trail: append-only entries chained with HMAC-SM3, appended by one writer in
 * batches, verified link by link. It hears every module's {@code AuditEvent}; nobody imports it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "审计 audit")
package org.chengxin.audit;
