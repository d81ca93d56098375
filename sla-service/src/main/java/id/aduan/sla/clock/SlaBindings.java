package id.aduan.sla.clock;

import id.aduan.platform.events.EventConsumers;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration(proxyBeanMethods = false)
class SlaBindings {

    /** Bound to aduan.complaints in application.yml. */
    @Bean
    Consumer<Message<byte[]>> complaints(EventConsumers consumers, KeepClocks clocks) {
        return consumers.consumer(clocks::on);
    }
}
