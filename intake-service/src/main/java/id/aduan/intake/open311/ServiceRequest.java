package id.aduan.intake.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import id.aduan.intake.complaint.ComplaintStatus;
import id.aduan.intake.complaint.Submission.Attachment;
import id.aduan.intake.tracking.Tracking;
import id.aduan.intake.tracking.Tracking.Step;
import id.aduan.reference.Categories;
import id.aduan.reference.Category;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A complaint as an Open311 service request, from its public tracking view: never the reporter.
 * Fields without a value are left out, as the spec's examples leave out what a server does not know.
 *
 * @param statusNotes the description of the latest step of the timeline
 * @param agencyResponsible the agency the complaint is assigned to
 * @param updatedDatetime the time of the latest step
 * @param expectedDatetime when its next running SLA deadline falls due (docs/open311.md)
 * @param mediaUrl where the gateway serves the complaint's first file, when it has one
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ServiceRequest(String serviceRequestId, String status, String statusNotes, String serviceName, String serviceCode,
        String description, String agencyResponsible, Instant requestedDatetime, Instant updatedDatetime,
        Instant expectedDatetime, String address, @JsonProperty("lat") Double latitude,
        @JsonProperty("long") Double longitude, String mediaUrl) {

    static final String OPEN = "open";
    static final String CLOSED = "closed";
    /** The statuses Open311 calls closed: nothing more will be done. */
    static final Set<ComplaintStatus> CLOSED_STATUSES = EnumSet.of(ComplaintStatus.COMPLETED, ComplaintStatus.ARCHIVED);

    /**
     * @param expected when the complaint's next running deadline falls due, or null
     * @param settings where the gateway serves the complaint's files
     */
    static ServiceRequest of(Tracking complaint, Instant expected, Open311Settings settings) {
        Step latest = complaint.timeline().isEmpty() ? null : complaint.timeline().get(complaint.timeline().size() - 1);
        Attachment first = complaint.timeline().stream().map(Step::attachments).filter(Objects::nonNull)
                .flatMap(List::stream).findFirst().orElse(null);
        return new ServiceRequest(complaint.trackingId(),
                CLOSED_STATUSES.contains(complaint.status()) ? CLOSED : OPEN,
                latest == null ? null : latest.description(),
                Categories.tree().find(complaint.categoryCode()).map(Category::name).orElse(null),
                complaint.categoryCode(), complaint.description(), complaint.assignedAgencyCode(), complaint.submittedAt(),
                latest == null ? complaint.submittedAt() : latest.at(), expected, complaint.address(), complaint.latitude(),
                complaint.longitude(), first == null ? null : settings.attachmentUrl(complaint.trackingId(), first.id()));
    }
}
