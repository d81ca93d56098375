package id.aduan.intake.tracking;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TrackingConfiguration {

    /** A view update that failed must be retried, not skipped: the processor backs off and tries the same event again. */
    @Autowired
    void retryFailedViewUpdates(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(TrackingProjection.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }

    @Autowired
    void createViewIndexes(ComplaintViews views) {
        views.createIndexes().block(Duration.ofSeconds(30));
    }
}
