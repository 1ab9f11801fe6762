/** Storage, chaining and verification of the audit trail. */
package org.chengxin.audit.internal;
