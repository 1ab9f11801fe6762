/**
 * The working-day calendar: per year, the holidays and the weekend days worked (调休) of the State Council's notice, kept by
 * the administrator, and the platform's {@link org.chengxin.shared.time.WorkingCalendar} every deadline counts on.
 */
@org.springframework.modulith.ApplicationModule(displayName = "工作日历 calendar", allowedDependencies = { "shared" })
package org.chengxin.calendar;
