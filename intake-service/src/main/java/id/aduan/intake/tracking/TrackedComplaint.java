package id.aduan.intake.tracking;

import id.aduan.intake.complaint.ComplaintStatus;
import id.aduan.intake.tracking.Tracking.Step;
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
        Double latitude,
        Double longitude,
        String address,
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

    /** What this audience may see, or nothing when it may not know the complaint exists. */
    Optional<Tracking> shownTo(Audience audience) {
        if (confidential && !audience.seesConfidential) {
            return Optional.empty();
        }
        return Optional.of(new Tracking(trackingId, status, title, description, categoryCode, regionCode, latitude,
                longitude, address, channel, submittedAt, classification, anonymous, confidential, agencyCode, reporterAs(audience), timeline));
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
