/** The inbox's table and the listeners that fill it. */
package org.chengxin.notifications.internal;
