package id.aduan.intake.processing;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * How intake's event processors (publisher, tracking view, inboxes, notifications: application.yml) run:
 * in segments shared by the instances, parking a complaint whose event keeps failing instead of halting,
 * and measured for Prometheus (docs/architecture.md, "Intake's event processors").
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(DeadLetterSettings.class)
class ProcessingConfiguration implements SchedulingConfigurer {

    private static final Duration REBALANCE_EVERY = Duration.ofSeconds(5);
    private static final Duration MEASURE_EVERY = Duration.ofSeconds(10);

    private final DeadLetterSettings settings;
    private final ObjectProvider<ParkedComplaints> parked;
    private final ObjectProvider<ProcessorLag> lag;
    private final ObjectProvider<FairShare> fairShare;

    ProcessingConfiguration(DeadLetterSettings settings, ObjectProvider<ParkedComplaints> parked,
            ObjectProvider<ProcessorLag> lag, ObjectProvider<FairShare> fairShare) {
        this.settings = settings;
        this.parked = parked;
        this.lag = lag;
        this.fairShare = fairShare;
    }

    /**
     * No processor skips an event that failed: one with a dead-letter queue (dlq.enabled) parks it with its
     * complaint, one without retries it. A reset (a rebuilt view) starts without the parked events too, which
     * the replay handles again.
     */
    @Autowired
    void parkFailedEvents(EventProcessingConfigurer processing, EventProcessorProperties processors, Attempts attempts) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
        processing.registerDefaultDeadLetterPolicy(configuration -> attempts);
        processors.getProcessors().forEach((name, processor) -> {
            if (processor.getDlq().isEnabled()) {
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(name,
                        (configuration, invoker) -> invoker.allowReset(true));
            }
        });
    }

    /** Failed runs (the database away) are logged by the scheduler and simply run again. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(() -> parked.getObject().retryDue(), settings.lookEvery());
        tasks.addFixedDelayTask(() -> lag.getObject().refresh(), MEASURE_EVERY);
        tasks.addFixedDelayTask(() -> fairShare.getObject().rebalance(), REBALANCE_EVERY);
    }
}
