/** The administrator's calendar page and the read API for department systems. */
package org.chengxin.calendar.web;
