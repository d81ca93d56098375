package id.aduan.sla.config;

import id.aduan.sla.calendar.Calendars;
import id.aduan.sla.clock.ClockRules;
import id.aduan.sla.clock.SlaSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock rules, counting on the calendar with the coordinators' changes. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    ClockRules clockRules(Calendars calendars, SlaSettings settings) {
        return new ClockRules(calendars, settings);
    }
}
