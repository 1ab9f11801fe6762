/** Who is acting: roles, the principal every login produces, and the access-rule contract of modules. */
package org.chengxin.shared.security;
