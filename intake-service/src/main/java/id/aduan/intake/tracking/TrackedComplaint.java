package id.aduan.intake.tracking;

import id.aduan.intake.complaint.ComplaintStatus;
import id.aduan.intake.complaint.Reporter;
import id.aduan.intake.complaint.SealedReporter;
import id.aduan.intake.reporter.ReporterVault;
import id.aduan.intake.complaint.Submission.Attachment;
import id.aduan.intake.tracking.Tracking.Step;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * A complaint as the tracking view keeps it: everything any audience may see, the reporter's
 * identity sealed with their key (never in plain text), and the hash the reporter's secret is
 * checked against.
 *
 * @param agencyCode the agency it is assigned to, or null
 * @param unitCode the unit of that agency it was handed to, or null
 * @param reporter the sealed identity; null when the reporter gave none
 * @param reporterSecretHash null for complaints whose reporter was handed no secret
 * @param timeline in the order the complaint recorded the steps
 */
record TrackedComplaint(
        String trackingId,
        ComplaintStatus status,
        String title,
        String description,
        String categoryCode,
        String regionCode,
        Double latitude,
        Double longitude,
        String address,
        String channel,
        Instant submittedAt,
        String classification,
        boolean anonymous,
        boolean confidential,
        String agencyCode,
        String unitCode,
        SealedReporter reporter,
        String reporterRef,
        String reporterSecretHash,
        List<Step> timeline) {

    /** The identity this audience sees: decrypted only when it sees some of it, and only for this answer. */
    Mono<Optional<Reporter>> identityFor(Audience audience, ReporterVault vault) {
        return showsIdentityTo(audience) ? vault.open(reporter, reporterRef) : Mono.just(Optional.empty());
    }

    /** Whether this audience sees some of the identity, which must then be decrypted. */
    boolean showsIdentityTo(Audience audience) {
        return reporter != null && audience.identityOf(anonymous) != Audience.Identity.NONE;
    }

    /**
     * What this audience may see, or nothing when it may not know the complaint exists.
     *
     * @param identity the decrypted identity when {@link #showsIdentityTo} this audience; empty when erased or not asked for
     */
    Optional<Tracking> shownTo(Audience audience, Optional<Reporter> identity) {
        return shown(audience, identity, timeline.stream().map(Step::publicly).toList());
    }

    /**
     * The case file's part of the complaint: every step with who took it and its words, for the
     * audiences that handle or supervise it and for the reporter; nothing for the public.
     */
    Optional<Tracking> caseFileFor(Audience audience, Optional<Reporter> identity) {
        return audience == Audience.PUBLIC ? Optional.empty() : shown(audience, identity, timeline);
    }

    private Optional<Tracking> shown(Audience audience, Optional<Reporter> identity, List<Step> steps) {
        if (!visibleTo(audience)) {
            return Optional.empty();
        }
        return Optional.of(new Tracking(trackingId, status, title, description, categoryCode, regionCode, latitude,
                longitude, address, channel, submittedAt, classification, anonymous, confidential, agencyCode, unitCode,
                reporterAs(audience, identity), steps));
    }

    /** Whether this audience may know the complaint exists. */
    boolean visibleTo(Audience audience) {
        return !confidential || audience.seesConfidential;
    }

    /** One of the files its steps brought, by id. */
    Optional<Attachment> attachment(String attachmentId) {
        return timeline.stream().filter(step -> step.attachments() != null).flatMap(step -> step.attachments().stream())
                .filter(attachment -> attachmentId.equals(attachment.id())).findFirst();
    }

    private ReporterView reporterAs(Audience audience, Optional<Reporter> identity) {
        if (!showsIdentityTo(audience)) {
            return anonymous ? ReporterView.ANONYMOUS : null;
        }
        return identity.map(known -> ReporterView.of(known, audience.identityOf(anonymous), reporterRef))
                .orElse(ReporterView.ERASED);
    }
}
