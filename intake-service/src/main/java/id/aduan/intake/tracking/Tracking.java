package id.aduan.intake.tracking;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.aduan.intake.complaint.ComplaintStatus;
import id.aduan.intake.complaint.Submission.Attachment;
import java.time.Instant;
import java.util.List;

/**
 * A complaint as one audience may see it: the answer to {@code GET /api/v1/complaints/{trackingId}},
 * and what other read APIs (Open311) build on.
 *
 * @param latitude, longitude, address where the complaint is about, when the reporter said
 * @param assignedUnitCode the unit of the assigned agency the complaint was handed to
 * @param reporter the reporter as the audience may see them (docs/personal-data.md); null when there is nothing to show
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tracking(String trackingId, ComplaintStatus status, String title, String description, String categoryCode,
        String regionCode, Double latitude, Double longitude, String address, String channel, Instant submittedAt,
        String classification, boolean anonymous, boolean confidential, String assignedAgencyCode, String assignedUnitCode,
        ReporterView reporter,
        List<Step> timeline) {

    /**
     * One step of the complaint's life, as anyone who may see the complaint may see it.
     *
     * @param step what happened: SUBMITTED, DEFERRED, INFORMATION_SUPPLIED, ARCHIVED, CORRECTED, VERIFIED, ASSIGNED,
     *     ASSIGNED_TO_UNIT, FOLLOWED_UP, QUESTION_ASKED, QUESTION_ANSWERED, QUESTION_UNANSWERED, QUESTION_REASSIGNED,
     *     MARKED_COMPLETE, REOPENED, COMPLETED, RATED
     * @param description for the reporter and the public, in Indonesian
     * @param agencyCode the agency that acted or was assigned, or the unit it was handed to, when there is one
     * @param text the deferral's or the agency's question, or the agency's follow-up, when there is one
     * @param actor who took the step (their account), in the case file only
     * @param caseText words for the case file only: the reporter's own (an answer, a reopening reason, a rating's
     *     comment), which may say who they are, or an internal reason (a forward's)
     * @param attachments the files the submission or the follow-up brought, each downloadable by whoever sees
     *     the complaint at {@code GET /api/v1/complaints/{trackingId}/attachments/{id}}; null when none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String step, Instant at, String description, String agencyCode, String text, String actor,
            String caseText, List<Attachment> attachments) {

        public Step {
            attachments = attachments == null || attachments.isEmpty() ? null : List.copyOf(attachments);
        }

        public Step(String step, Instant at, String description, String agencyCode, String text) {
            this(step, at, description, agencyCode, text, null, null, null);
        }

        public Step(String step, Instant at, String description, String agencyCode, String text, String actor,
                String caseText) {
            this(step, at, description, agencyCode, text, actor, caseText, null);
        }

        Step by(String staff) {
            return new Step(step, at, description, agencyCode, text, staff, caseText, attachments);
        }

        /** The step as the public tracking page shows it: without who acted or the case file's words. */
        Step publicly() {
            return actor == null && caseText == null ? this
                    : new Step(step, at, description, agencyCode, text, null, null, attachments);
        }
    }
}
