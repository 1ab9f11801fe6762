/**
 * The municipal catalog of personal public credit information: domains, key groups, information
 * items with their legal basis, severity, disclosure scope and period, versioned with effective dates.
 * Nothing may be collected that the catalog in force does not name (policy 九, 十一).
 */
@org.springframework.modulith.ApplicationModule(displayName = "信息目录 catalog")
package org.chengxin.catalog;
