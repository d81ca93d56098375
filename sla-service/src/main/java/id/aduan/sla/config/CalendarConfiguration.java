package id.aduan.sla.config;

import id.aduan.sla.calendar.GovernmentCalendar;
import id.aduan.sla.clock.SlaSettings;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/** The government calendar from the data shipped with the service. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    GovernmentCalendar governmentCalendar(SlaSettings settings) throws IOException {
        try (InputStream days = new ClassPathResource("calendar/non-working-days.csv").getInputStream();
             InputStream zones = new ClassPathResource("calendar/provinces-timezones.csv").getInputStream()) {
            return new GovernmentCalendar(GovernmentCalendar.readNonWorkingDays(days),
                    GovernmentCalendar.readProvinceZones(zones), settings.agenciesWorkingThroughCutiBersama());
        }
    }
}
