package id.aduan.intake.config;

import id.aduan.intake.complaint.Commands;
import id.aduan.intake.complaint.TraceMetadata;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What Axon copies from a command's metadata onto the events it causes: its own correlation and
 * causation ids, the W3C trace context (TraceMetadata), and the staff member who acted (Commands.ACTOR).
 */
@Configuration(proxyBeanMethods = false)
class TraceCorrelation {

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider traceContext() {
        return new SimpleCorrelationDataProvider(TraceMetadata.KEYS.toArray(String[]::new));
    }

    @Bean
    CorrelationDataProvider actingStaff() {
        return new SimpleCorrelationDataProvider(Commands.ACTOR);
    }
}
