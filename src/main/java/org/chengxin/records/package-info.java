/**
 * The personal public credit information database: records, their versions and lifecycle (active,
 * under objection, repaired, expired, revoked). A record past its maximum disclosure period is
 * neither shown nor used (policy 十).
 */
@org.springframework.modulith.ApplicationModule(displayName = "信用记录 records")
package org.chengxin.records;
