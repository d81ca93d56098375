package id.aduan.intake.tracking;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.aduan.intake.complaint.ComplaintStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A complaint as the tracking view keeps it: everything any audience may see, and the hash the
 * reporter's secret is checked against. Contact details are never kept here.
 *
 * @param agencyCode the agency it is assigned to, or null
 * @param reporterName null when the reporter gave no name
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
        String channel,
        Instant submittedAt,
        String classification,
        boolean anonymous,
        boolean confidential,
        String agencyCode,
        String reporterName,
        String reporterSecretHash,
        List<Step> timeline) {

    static final String ANONYMOUS = "Anonim";

    /**
     * One step of the complaint's life, as anyone who may see the complaint may see it.
     *
     * @param step what happened: SUBMITTED, DEFERRED, INFORMATION_SUPPLIED, ARCHIVED, VERIFIED, ASSIGNED,
     *     FOLLOWED_UP, MARKED_COMPLETE, REOPENED, COMPLETED, RATED
     * @param description for the reporter and the public, in Indonesian
     * @param agencyCode the agency that acted or was assigned, when there is one
     * @param text the deferral's question or the agency's follow-up, when there is one
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Step(String step, Instant at, String description, String agencyCode, String text) {
    }

    /** The answer to {@code GET /api/v1/complaints/{trackingId}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Tracking(String trackingId, ComplaintStatus status, String title, String description, String categoryCode,
            String regionCode, String channel, Instant submittedAt, String classification, boolean anonymous,
            boolean confidential, String assignedAgencyCode, String reporter, List<Step> timeline) {
    }

    /** What this audience may see, or nothing when it may not know the complaint exists. */
    Optional<Tracking> shownTo(Audience audience) {
        if (confidential && !audience.seesConfidential) {
            return Optional.empty();
        }
        return Optional.of(new Tracking(trackingId, status, title, description, categoryCode, regionCode, channel,
                submittedAt, classification, anonymous, confidential, agencyCode, reporterAs(audience), timeline));
    }

    private String reporterAs(Audience audience) {
        if (anonymous && !audience.seesAnonymousReporter) {
            return ANONYMOUS;
        }
        if (audience.seesReporterName && reporterName != null) {
            return reporterName;
        }
        return anonymous ? ANONYMOUS : null;
    }
}
