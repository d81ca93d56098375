package id.aduan.routing.route;

import id.aduan.platform.events.EventConsumers;
import id.aduan.routing.correction.RouteCorrections;
import id.aduan.routing.lifecycle.ComplaintLifecycle;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration(proxyBeanMethods = false)
class RoutingBindings {

    /**
     * Bound to aduan.complaints in application.yml: routes new complaints, re-routes those a coordinator
     * corrected at verification and follows the rest of their lives.
     */
    @Bean
    Consumer<Message<byte[]>> complaints(EventConsumers consumers, RouteNewComplaints routing, RouteCorrections corrections,
            ComplaintLifecycle lifecycle) {
        return consumers.consumer(envelope -> routing.on(envelope).then(corrections.on(envelope)).then(lifecycle.on(envelope)));
    }
}
