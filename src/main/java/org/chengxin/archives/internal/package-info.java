/** The archives a department holds and the opening of a member's archive (checked, logged, audited). */
package org.chengxin.archives.internal;
