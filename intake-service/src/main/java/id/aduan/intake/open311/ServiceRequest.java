package id.aduan.intake.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import id.aduan.intake.complaint.ComplaintStatus;
import id.aduan.intake.tracking.Tracking;
import id.aduan.intake.tracking.Tracking.Step;
import id.aduan.reference.Categories;
import id.aduan.reference.Category;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A complaint as an Open311 service request, from its public tracking view: never the reporter.
 * Fields without a value are {@code null}, as Open311 clients expect every field.
 *
 * @param statusNotes the description of the latest step of the timeline
 * @param agencyResponsible the agency the complaint is assigned to
 * @param updatedDatetime the time of the latest step
 * @param expectedDatetime always null: the deadline is sla-service's, and intake does not ask it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ServiceRequest(String serviceRequestId, String status, String statusNotes, String serviceName, String serviceCode,
        String description, String agencyResponsible, Instant requestedDatetime, Instant updatedDatetime,
        Instant expectedDatetime, String address, @JsonProperty("lat") Double latitude,
        @JsonProperty("long") Double longitude) {

    static final String OPEN = "open";
    static final String CLOSED = "closed";
    /** The statuses Open311 calls closed: nothing more will be done. */
    static final Set<ComplaintStatus> CLOSED_STATUSES = EnumSet.of(ComplaintStatus.COMPLETED, ComplaintStatus.ARCHIVED);

    static ServiceRequest of(Tracking complaint) {
        Step latest = complaint.timeline().isEmpty() ? null : complaint.timeline().get(complaint.timeline().size() - 1);
        return new ServiceRequest(complaint.trackingId(),
                CLOSED_STATUSES.contains(complaint.status()) ? CLOSED : OPEN,
                latest == null ? null : latest.description(),
                Categories.tree().find(complaint.categoryCode()).map(Category::name).orElse(null),
                complaint.categoryCode(), complaint.description(), complaint.assignedAgencyCode(), complaint.submittedAt(),
                latest == null ? complaint.submittedAt() : latest.at(), null, complaint.address(), complaint.latitude(),
                complaint.longitude());
    }
}
