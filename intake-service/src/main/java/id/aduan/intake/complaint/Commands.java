package id.aduan.intake.complaint;

import id.aduan.platform.security.Actor;
import id.aduan.platform.security.Role;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Sends a lifecycle command to the Complaint aggregate and answers with the status it left it in. */
@Component
public class Commands {

    /** The metadata key of the staff member who acted. */
    public static final String ACTOR = "actor";

    private final CommandGateway gateway;
    private final TraceMetadata traces;

    Commands(CommandGateway gateway, TraceMetadata traces) {
        this.gateway = gateway;
        this.traces = traces;
    }

    /**
     * Sends with the caller's trace context as metadata, taken here, on the caller's side. The command
     * bus writes to the event store synchronously: keep it off the event loop.
     */
    public Mono<ComplaintStatus> send(Object command) {
        return dispatch(command);
    }

    /** A command that creates the aggregate, which answers with its id rather than a status. */
    public Mono<Void> create(Object command) {
        return dispatch(command).then();
    }

    /** The command with the caller's trace context as metadata, for {@link #createHere}. */
    public CommandMessage<Object> message(Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(traces.current());
    }

    /**
     * Creates the aggregate on the calling thread and waits. Inside a Spring transaction the command's
     * unit of work joins it: its events are appended in that transaction and commit only with it.
     */
    public void createHere(CommandMessage<Object> message) {
        gateway.sendAndWait(message);
    }

    private <R> Mono<R> dispatch(Object command) {
        CommandMessage<Object> message = message(command);
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> actingStaff(context.getAuthentication()))
                .defaultIfEmpty(MetaData.emptyInstance())
                .flatMap(actor -> Mono.fromCallable(() -> gateway.<R>sendAndWait(message.andMetaData(actor)))
                        .subscribeOn(Schedulers.boundedElastic()));
    }

    /**
     * The account of the coordinator or agency staff member sending the command, as metadata its events
     * carry too (TraceCorrelation), for the case file's "who acted". Nothing for a reporter: their
     * account may say who they are.
     */
    private static MetaData actingStaff(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return MetaData.emptyInstance();
        }
        Actor actor = Actor.of(token.getToken());
        boolean staff = actor.has(Role.COORDINATOR) || actor.has(Role.AGENCY) || actor.has(Role.LIAISON_OFFICER);
        return staff ? MetaData.with(ACTOR, actor.subject()) : MetaData.emptyInstance();
    }

    /** The answer to a lifecycle request. */
    public record StatusAnswer(String trackingId, ComplaintStatus status) {
    }

    public Mono<StatusAnswer> answer(String complaintId, Object command) {
        return send(command).map(status -> new StatusAnswer(complaintId, status));
    }
}
