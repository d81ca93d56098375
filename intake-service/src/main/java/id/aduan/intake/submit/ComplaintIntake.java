package id.aduan.intake.submit;

import id.aduan.contracts.ComplaintIds;
import id.aduan.intake.attachments.Attachments;
import id.aduan.intake.complaint.Reporter;
import id.aduan.intake.complaint.ReporterSecret;
import id.aduan.intake.complaint.Submission;
import id.aduan.intake.idempotency.IdempotencyKey;
import id.aduan.intake.idempotency.IdempotencyKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The one way in for every channel: a channel turns what it received into a {@link Submission}
 * and hands it here, which attaches the uploads, gives it a tracking id, keeps the reporter's
 * identity behind an opaque reference, hands out the reporter's secret (keeping only its hash) and
 * sends the one {@link SubmitComplaint} command, at most once per idempotency key.
 */
@Component
public class ComplaintIntake {

    private final CommandGateway commands;
    private final IdempotencyKeys keys;
    private final Attachments attachments;
    private final Clock clock;

    ComplaintIntake(CommandGateway commands, IdempotencyKeys keys, Attachments attachments, Clock clock) {
        this.commands = commands;
        this.keys = keys;
        this.attachments = attachments;
        this.clock = clock;
    }

    /**
     * A complaint as a channel received it.
     *
     * @param reporter null when the reporter gave no identity
     * @param attachmentIds uploads to attach, by id; only the submitter's own uploads
     * @param submitter the token subject submitting it, who must have uploaded the attachments
     */
    public record Incoming(Submission submission, Reporter reporter, List<String> attachmentIds, String submitter) {
    }

    /**
     * Submits once per key: with a key seen before it answers with that key's complaint and sends
     * nothing; without a key every call is a new complaint. Only the first answer carries the
     * reporter's secret: the key remembers the complaint, never the secret.
     */
    public Mono<Accepted> submit(Incoming incoming, IdempotencyKey key) {
        if (key == null) {
            return attach(incoming).flatMap(submission -> send(newSubmission(incoming, submission)));
        }
        return keys.find(key)
                .map(claim -> Accepted.again(claim.complaintId(), claim.submittedAt()))
                .switchIfEmpty(Mono.defer(() -> attach(incoming).flatMap(submission -> claimAndSend(key, newSubmission(incoming, submission)))));
    }

    private Mono<Accepted> claimAndSend(IdempotencyKey key, NewSubmission submission) {
        SubmitComplaint command = submission.command();
        return keys.claim(key, command.complaintId(), command.submittedAt()).flatMap(claim -> {
            if (!claim.complaintId().equals(command.complaintId())) {
                // An identical request claimed the key a moment earlier: answer with its complaint.
                return Mono.just(Accepted.again(claim.complaintId(), claim.submittedAt()));
            }
            return send(submission).onErrorResume(refused ->
                    keys.release(key, command.complaintId()).then(Mono.error(refused)));
        });
    }

    private Mono<Submission> attach(Incoming incoming) {
        return attachments.resolve(incoming.attachmentIds(), incoming.submitter())
                .map(incoming.submission()::withAttachments);
    }

    /** The command, which holds only the secret's hash, and the secret to hand out once. */
    private record NewSubmission(SubmitComplaint command, String reporterSecret) {
    }

    private NewSubmission newSubmission(Incoming incoming, Submission submission) {
        Instant now = clock.instant();
        Reporter reporter = incoming.reporter();
        String secret = ReporterSecret.generate();
        return new NewSubmission(new SubmitComplaint(ComplaintIds.next(), submission, now, reporter,
                reporter == null ? null : "rep-" + UUID.randomUUID(), ReporterSecret.hash(secret)), secret);
    }

    private Mono<Accepted> send(NewSubmission submission) {
        SubmitComplaint command = submission.command();
        // The command bus writes to the event store synchronously: keep it off the event loop.
        return Mono.fromCallable(() -> commands.sendAndWait(command))
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(Accepted.first(command.complaintId(), command.submittedAt(), submission.reporterSecret()));
    }
}
