package id.aduan.intake.inbox;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InboxConfiguration {

    /** A row that failed to change must be retried, not skipped: the processor backs off and tries the same events again. */
    @Autowired
    void retryFailedInboxChanges(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(InboxProjection.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }
}
