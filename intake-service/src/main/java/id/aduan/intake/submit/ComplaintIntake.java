package id.aduan.intake.submit;

import id.aduan.contracts.ComplaintIds;
import id.aduan.intake.attachments.Attachments;
import id.aduan.intake.complaint.Commands;
import id.aduan.intake.complaint.Reporter;
import id.aduan.intake.complaint.ReporterSecret;
import id.aduan.intake.complaint.SealedReporter;
import id.aduan.intake.complaint.Submission;
import id.aduan.intake.complaint.SubmitComplaint;
import id.aduan.intake.idempotency.IdempotencyKey;
import id.aduan.intake.idempotency.IdempotencyKeys;
import id.aduan.intake.idempotency.IdempotencyKeys.Claim;
import id.aduan.intake.reporter.ReporterVault;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandMessage;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one way in for every channel: a channel turns what it received into a {@link Submission}
 * and hands it here, which attaches the uploads, gives it a tracking id, encrypts the reporter's
 * identity with their key ({@link ReporterVault}) behind an opaque reference, hands out the reporter's secret (keeping only its hash) and
 * sends the one {@link SubmitComplaint} command, at most once per idempotency key.
 */
@Component
public class ComplaintIntake {

    private final Commands commands;
    private final IdempotencyKeys keys;
    private final Attachments attachments;
    private final ReporterVault vault;
    private final Clock clock;

    ComplaintIntake(Commands commands, IdempotencyKeys keys, Attachments attachments, ReporterVault vault, Clock clock) {
        this.commands = commands;
        this.keys = keys;
        this.attachments = attachments;
        this.vault = vault;
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
            String complaintId = ComplaintIds.next();
            return attach(incoming, complaintId, submission -> send(incoming.reporter(), submission, complaintId, clock.instant()));
        }
        return keys.find(key)
                .map(claim -> Accepted.again(claim.complaintId(), claim.submittedAt()))
                .switchIfEmpty(Mono.defer(() -> {
                    Claim ours = new Claim(ComplaintIds.next(), clock.instant());
                    return attach(incoming, ours.complaintId(), submission -> claimAndSend(key, ours, incoming.reporter(), submission));
                }));
    }

    /**
     * Claims the key and appends the complaint in one database transaction: a crash in between keeps
     * neither, and a refused command frees the key for a corrected request.
     */
    private Mono<Accepted> claimAndSend(IdempotencyKey key, Claim ours, Reporter reporter, Submission submission) {
        return prepare(reporter, submission, ours.complaintId(), ours.submittedAt()).flatMap(prepared -> {
            CommandMessage<Object> command = commands.message(prepared.command());
            return keys.claimAndCreate(key, ours, () -> commands.createHere(command))
                    .map(claim -> claim.equals(ours) ? prepared.accepted()
                            // An identical request claimed the key a moment earlier: answer with its complaint.
                            : Accepted.again(claim.complaintId(), claim.submittedAt()));
        });
    }

    /** Attaches the uploads to the complaint about to be created, while {@code create} creates it. */
    private Mono<Accepted> attach(Incoming incoming, String complaintId, Function<Submission, Mono<Accepted>> create) {
        return attachments.attach(incoming.attachmentIds(), incoming.submitter(), complaintId,
                attached -> create.apply(incoming.submission().withAttachments(attached)));
    }

    /** Sends the command and hands the secret out once. */
    private Mono<Accepted> send(Reporter reporter, Submission submission, String complaintId, Instant now) {
        return prepare(reporter, submission, complaintId, now)
                .flatMap(prepared -> commands.create(prepared.command()).thenReturn(prepared.accepted()));
    }

    /** Seals the identity into the command, which holds only the secret's hash; the answer holds the secret. */
    private Mono<Prepared> prepare(Reporter reporter, Submission submission, String complaintId, Instant now) {
        String secret = ReporterSecret.generate();
        String reporterRef = reporter == null ? null : ReporterVault.newReference();
        Mono<Optional<SealedReporter>> sealed = reporter == null ? Mono.just(Optional.empty())
                : vault.seal(reporter, reporterRef).map(Optional::of);
        return sealed.map(identity -> new Prepared(
                new SubmitComplaint(complaintId, submission, now, identity.orElse(null), reporterRef, ReporterSecret.hash(secret)),
                Accepted.first(complaintId, now, secret)));
    }

    private record Prepared(SubmitComplaint command, Accepted accepted) {
    }
}
