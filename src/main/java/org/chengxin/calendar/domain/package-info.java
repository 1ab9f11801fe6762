/** The rules a day of the calendar must keep, in plain Java. */
package org.chengxin.calendar.domain;
