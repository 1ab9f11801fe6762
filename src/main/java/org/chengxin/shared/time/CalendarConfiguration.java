package org.chengxin.shared.time;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The working calendar every deadline in working days is counted on ({@code chengxin.calendar.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarConfiguration.CalendarSettings.class)
class CalendarConfiguration {

    @Bean
    WorkingCalendar workingCalendar(CalendarSettings settings) {
        return new WorkingCalendar(Set.copyOf(settings.holidays() == null ? List.of() : settings.holidays()),
                Set.copyOf(settings.workingWeekendDays() == null ? List.of() : settings.workingWeekendDays()));
    }

    /**
     * The public holidays and the weekend days made working days (调休) of the State Council's yearly notice.
     */
    @ConfigurationProperties("chengxin.calendar")
    record CalendarSettings(List<LocalDate> holidays, List<LocalDate> workingWeekendDays) {
    }
}
