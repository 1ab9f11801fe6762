/**
 * Monitoring: {@code /actuator/prometheus} behind credentials of its own (not a person's account) and the business
 * meters people watch, read by a few cheap, cached SQL counts and by counting the checks as they commit. Nobody
 * imports it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "监控 monitoring")
package org.chengxin.monitoring;
