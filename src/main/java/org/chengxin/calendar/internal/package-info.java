/** The calendar's tables, the use cases that change them, and the calendar bean read from them. */
package org.chengxin.calendar.internal;
