/**
 * Catalog rules in plain Java: items, disclosure periods, what makes a catalog valid. Part of the
 * catalog's API: other modules read items through these types.
 */
@org.springframework.modulith.NamedInterface("domain")
package org.chengxin.catalog.domain;
