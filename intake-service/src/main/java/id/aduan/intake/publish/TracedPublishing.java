package id.aduan.intake.publish;

import id.aduan.intake.complaint.TraceMetadata;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes each event inside the trace of the request that caused it: the record on Kafka then
 * carries that trace's {@code traceparent}, and every service downstream logs the same trace id.
 */
@Configuration(proxyBeanMethods = false)
class TracedPublishing {

    @Autowired
    void resumeTheRequestsTrace(EventProcessingConfigurer processing, TraceMetadata traces) {
        MessageHandlerInterceptor<EventMessage<?>> inTrace = (unitOfWork, chain) -> {
            try (TraceMetadata.Resumed resumed = traces.resume(unitOfWork.getMessage().getMetaData(), "publish to kafka")) {
                return chain.proceed();
            }
        };
        processing.registerHandlerInterceptor(LifecyclePublisher.PROCESSING_GROUP, configuration -> inTrace);
    }
}
