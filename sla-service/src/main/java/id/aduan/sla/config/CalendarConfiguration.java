package id.aduan.sla.config;

import id.aduan.sla.calendar.GovernmentCalendar;
import id.aduan.sla.clock.ClockRules;
import id.aduan.sla.clock.SlaSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The government calendar from the data shipped with the service, and the clock rules counting on it. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    GovernmentCalendar governmentCalendar(SlaSettings settings) {
        return GovernmentCalendar.shipped(settings.agenciesWorkingThroughCutiBersama());
    }

    @Bean
    ClockRules clockRules(GovernmentCalendar calendar, SlaSettings settings) {
        return new ClockRules(calendar, settings);
    }
}
