package id.aduan.sla.alert;

import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.platform.events.EventPublisher;
import id.aduan.sla.clock.SlaSettings;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs the sweep every {@code aduan.sla.sweep.interval}, from the start: deadlines that passed while the service was down fire on the first run. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SweepSchedule implements SchedulingConfigurer {

    private final SlaSettings settings;
    private final DeadlineSweep sweep;

    SweepSchedule(SlaSettings settings, DeadlineSweep sweep) {
        this.settings = settings;
        this.sweep = sweep;
    }

    @Bean
    static DeadlineSweep deadlineSweep(MongoDatabase database, EventPublisher publisher, Clock clock, SlaSettings settings) {
        return new DeadlineSweep(database, publisher, clock, settings.sweep().lease());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        // A failed run (broker or database away) is logged by the scheduler; the next run takes it up.
        tasks.addFixedDelayTask(sweep::sweep, settings.sweep().interval());
    }
}
