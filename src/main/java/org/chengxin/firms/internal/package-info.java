/** The firms' tables. */
package org.chengxin.firms.internal;
