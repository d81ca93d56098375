package id.aduan.intake.submit;

import id.aduan.contracts.ComplaintIds;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
class SubmitComplaintEndpoint {

    private final CommandGateway commands;
    private final Clock clock;

    SubmitComplaintEndpoint(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** The answer to a submission: the tracking id the reporter follows the complaint by. */
    record Submitted(String trackingId, String status, Instant submittedAt) {
    }

    @PostMapping("/api/v1/complaints")
    @PreAuthorize("hasAnyRole('CITIZEN', 'COORDINATOR')")
    Mono<ResponseEntity<Submitted>> submit(@Valid @RequestBody SubmitComplaintRequest request) {
        SubmitComplaint command = request.toCommand(ComplaintIds.next(), clock.instant());
        // The command bus writes to the event store synchronously: keep it off the event loop.
        return Mono.fromCallable(() -> commands.sendAndWait(command))
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(ResponseEntity.created(URI.create("/api/v1/complaints/" + command.complaintId()))
                        .body(new Submitted(command.complaintId(), "SUBMITTED", command.submittedAt())));
    }
}
