package id.aduan.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * The agency holding the complaint asked the reporter a question during follow-up; its follow-up
 * clock waits for the answer (docs/sla.md, "Pause and resume").
 *
 * @param agencyCode the agency that asked: the one the complaint is assigned to
 * @param question what the reporter is asked
 */
@CloudEventType(value = "aduan.complaint.question-asked.v1", topic = Topic.COMPLAINTS)
public record QuestionAsked(String complaintId, String agencyCode, String question, Instant askedAt)
        implements ComplaintEvent {

    public QuestionAsked {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(askedAt, "askedAt");
    }

    @Override
    public Instant occurredAt() {
        return askedAt;
    }
}
