/** The articles' table and rules. */
package org.chengxin.bulletins.internal;
