package id.aduan.intake.publish;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PublisherConfiguration {

    /**
     * Axon's default for event handlers logs a failure and moves on; for the publisher that would
     * lose the event. Propagating it puts the processor in error mode: it backs off and retries.
     */
    @Autowired
    void retryFailedPublishing(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(LifecyclePublisher.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }
}
