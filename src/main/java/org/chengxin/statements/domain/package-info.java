/**
 * The rules of own statements in plain Java: their states, versions, the pre-check for others' personal
 * data. Part of the module's API: the pages of other modules show a person's statements through these types.
 */
@org.springframework.modulith.NamedInterface("domain")
package org.chengxin.statements.domain;
