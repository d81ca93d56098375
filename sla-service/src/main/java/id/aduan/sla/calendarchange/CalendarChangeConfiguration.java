package id.aduan.sla.calendarchange;

import id.aduan.platform.events.EventPublisher;
import id.aduan.sla.calendar.CalendarHistory;
import id.aduan.sla.calendar.Calendars;
import id.aduan.sla.calendar.GovernmentCalendar;
import id.aduan.sla.clock.SlaSettings;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The calendar this instance counts on: the shipped data with every recorded change, loaded before
 * any clock is kept, then refreshed every {@code aduan.sla.calendar-refresh}.
 */
@Configuration(proxyBeanMethods = false)
class CalendarChangeConfiguration implements SchedulingConfigurer {

    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);

    private final SlaSettings settings;
    private final CalendarChanges changes;

    CalendarChangeConfiguration(SlaSettings settings, CalendarChanges changes) {
        this.settings = settings;
        this.changes = changes;
    }

    @Bean
    static GovernmentCalendar shippedCalendar(SlaSettings settings) {
        return GovernmentCalendar.shipped(settings.agenciesWorkingThroughCutiBersama());
    }

    @Bean
    static Calendars calendars(CalendarChangeLog changeLog, GovernmentCalendar shippedCalendar) {
        return new Calendars(CalendarHistory.of(shippedCalendar,
                changeLog.all().map(CalendarChangeLog::asHistory).collectList().block(LOAD_TIMEOUT)));
    }

    @Bean
    static CalendarChanges calendarChanges(CalendarChangeLog changeLog, Calendars calendars, GovernmentCalendar shippedCalendar,
            EventPublisher publisher, Clock clock) {
        return new CalendarChanges(changeLog, calendars, shippedCalendar, publisher, clock);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        // A failed refresh (database or broker away) is logged by the scheduler; the next one takes it up.
        tasks.addFixedDelayTask(() -> changes.refresh().block(LOAD_TIMEOUT), settings.calendarRefresh());
    }
}
