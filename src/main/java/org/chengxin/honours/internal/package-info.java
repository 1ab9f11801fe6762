/** The consents' table and the public list. */
package org.chengxin.honours.internal;
