package id.aduan.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * The reporter's time to answer the agency's question (10 working days by default) passed: intake
 * closes the question unanswered and the agency's clocks count again.
 *
 * @param clockId the REPORTER_QUESTION clock that expired (see {@link SlaClockStarted})
 * @param askedAt when the question was asked (the clock's start), so that an expiry is matched to its own question
 * @param expiredAt the clock's due instant
 */
@CloudEventType(value = "aduan.sla.question-expired.v1", topic = Topic.SLA)
public record QuestionExpired(String complaintId, String clockId, Instant askedAt, Instant expiredAt)
        implements ComplaintEvent {

    public QuestionExpired {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(clockId, "clockId");
        Objects.requireNonNull(askedAt, "askedAt");
        Objects.requireNonNull(expiredAt, "expiredAt");
    }

    @Override
    public Instant occurredAt() {
        return expiredAt;
    }
}
