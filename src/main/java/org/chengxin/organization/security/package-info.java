/** Part of the organization module: security. */
package org.chengxin.organization.security;
