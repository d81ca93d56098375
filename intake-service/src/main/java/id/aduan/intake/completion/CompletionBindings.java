package id.aduan.intake.completion;

import id.aduan.platform.events.EventConsumers;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration(proxyBeanMethods = false)
class CompletionBindings {

    /** Bound to aduan.sla in application.yml. */
    @Bean
    Consumer<Message<byte[]>> reporterWindows(EventConsumers consumers, CompleteExpiredWindows windows) {
        return consumers.consumer(windows::on);
    }
}
