/** The remedies' use cases and their tables. */
package org.chengxin.remedies.internal;
