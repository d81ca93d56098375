package id.aduan.routing.route;

import id.aduan.platform.events.EventConsumers;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration(proxyBeanMethods = false)
class RoutingBindings {

    /** Bound to aduan.complaints in application.yml. */
    @Bean
    Consumer<Message<byte[]>> complaints(EventConsumers consumers, RouteNewComplaints routing) {
        return consumers.consumer(routing::on);
    }
}
