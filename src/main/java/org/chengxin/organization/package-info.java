/**
 * Departments, associations and credit agencies; staff and citizen accounts; department systems as
 * OAuth2 clients; login, lockout and the access rules of the whole platform.
 */
@org.springframework.modulith.ApplicationModule(displayName = "组织与权限 organization")
package org.chengxin.organization;
