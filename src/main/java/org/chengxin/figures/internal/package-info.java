/** The figures' assembly and cache. */
package org.chengxin.figures.internal;
