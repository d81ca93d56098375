package id.aduan.intake.assignment;

import id.aduan.platform.events.EventConsumers;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration(proxyBeanMethods = false)
class AssignmentBindings {

    /** Bound to aduan.routing in application.yml. */
    @Bean
    Consumer<Message<byte[]>> routingDecisions(EventConsumers consumers, RecordRoutingDecisions decisions) {
        return consumers.consumer(decisions::on);
    }
}
