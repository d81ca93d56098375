package id.aduan.intake.completion;

import id.aduan.intake.question.CloseExpiredQuestions;
import id.aduan.platform.events.EventConsumers;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration(proxyBeanMethods = false)
class CompletionBindings {

    /**
     * Bound to aduan.sla in application.yml: the expiries intake acts on, the reporter's window and an
     * agency's question to the reporter. One binding, so that the service's one inbox sees each event once.
     */
    @Bean
    Consumer<Message<byte[]>> reporterWindows(EventConsumers consumers, CompleteExpiredWindows windows,
            CloseExpiredQuestions questions) {
        return consumers.consumer(envelope -> windows.on(envelope).then(questions.on(envelope)));
    }
}
