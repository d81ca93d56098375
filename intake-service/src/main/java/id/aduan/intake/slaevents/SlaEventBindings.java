package id.aduan.intake.slaevents;

import id.aduan.intake.completion.CompleteExpiredWindows;
import id.aduan.intake.inbox.InboxClocks;
import id.aduan.intake.notification.ReporterWindowReminders;
import id.aduan.intake.question.CloseExpiredQuestions;
import id.aduan.platform.events.EventConsumers;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Intake's one consumer of aduan.sla: bindings of a service share its consumer group, so two on one
 * topic would split its partitions between them and each would miss the other's half.
 */
@Configuration(proxyBeanMethods = false)
class SlaEventBindings {

    /**
     * Bound to aduan.sla in application.yml: an expired reporter window completes the complaint, an
     * expired question to the reporter closes, the reporter window's warning reminds the reporter, and
     * every clock's state feeds the inbox.
     */
    @Bean
    Consumer<Message<byte[]>> slaEvents(EventConsumers consumers, CompleteExpiredWindows windows,
            CloseExpiredQuestions questions, ReporterWindowReminders reminders, InboxClocks inbox) {
        return consumers.consumer(envelope -> windows.on(envelope).then(questions.on(envelope)).then(reminders.on(envelope))
                .then(inbox.on(envelope)));
    }
}
