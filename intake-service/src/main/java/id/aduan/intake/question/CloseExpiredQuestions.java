package id.aduan.intake.question;

import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.QuestionExpired;
import id.aduan.intake.complaint.CloseUnansweredQuestion;
import id.aduan.intake.complaint.Commands;
import id.aduan.intake.complaint.ComplaintLifecycleConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Closes an agency's question the reporter left unanswered past their time. An expiry the complaint
 * has moved past (the reporter answered meanwhile, or it was reassigned) is logged and skipped rather
 * than dead-lettered.
 */
@Component
public class CloseExpiredQuestions {

    private static final Logger log = LoggerFactory.getLogger(CloseExpiredQuestions.class);

    private final Commands commands;

    CloseExpiredQuestions(Commands commands) {
        this.commands = commands;
    }

    public Mono<Void> on(EventEnvelope<?> envelope) {
        if (!(envelope.data() instanceof QuestionExpired expired)) {
            return Mono.empty();
        }
        return commands.send(new CloseUnansweredQuestion(expired.complaintId(), expired.clockId(), expired.askedAt(),
                        expired.expiredAt()))
                .onErrorResume(ComplaintLifecycleConflict.class, conflict -> {
                    log.info("Question expiry {} not applied: {}", envelope.id(), conflict.getMessage());
                    return Mono.empty();
                })
                .then();
    }
}
