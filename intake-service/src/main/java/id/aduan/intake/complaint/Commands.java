package id.aduan.intake.complaint;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Sends a lifecycle command to the Complaint aggregate and answers with the status it left it in. */
@Component
public class Commands {

    private final CommandGateway gateway;

    Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** The command bus writes to the event store synchronously: keep it off the event loop. */
    public Mono<ComplaintStatus> send(Object command) {
        return Mono.fromCallable(() -> gateway.<ComplaintStatus>sendAndWait(command))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The answer to a lifecycle request. */
    public record StatusAnswer(String trackingId, ComplaintStatus status) {
    }

    public Mono<StatusAnswer> answer(String complaintId, Object command) {
        return send(command).map(status -> new StatusAnswer(complaintId, status));
    }
}
