/** Part of the organization module: internal. */
package org.chengxin.organization.internal;
