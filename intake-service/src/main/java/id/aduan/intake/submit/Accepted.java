package id.aduan.intake.submit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.ResponseEntity;

/**
 * A complaint intake accepted.
 *
 * @param reporterSecret the secret the reporter proves ownership with; only the first answer has it,
 *     since intake keeps nothing but its hash
 * @param repeated true when an earlier request with the same idempotency key created it
 */
public record Accepted(String trackingId, Instant submittedAt, String reporterSecret, boolean repeated) {

    static Accepted first(String trackingId, Instant submittedAt, String reporterSecret) {
        return new Accepted(trackingId, submittedAt, reporterSecret, false);
    }

    static Accepted again(String trackingId, Instant submittedAt) {
        return new Accepted(trackingId, submittedAt, null, true);
    }

    /** 201 with the complaint's location the first time, 200 with the same body, less the secret, when repeated. */
    public <T> ResponseEntity<T> respond(T body) {
        return repeated ? ResponseEntity.ok(body)
                : ResponseEntity.created(URI.create("/api/v1/complaints/" + trackingId)).body(body);
    }

    public ResponseEntity<Submitted> respond() {
        return respond(new Submitted(trackingId, "SUBMITTED", submittedAt, reporterSecret));
    }

    /**
     * The answer to a submission: the tracking id the reporter follows the complaint by, and the
     * first time the secret (header {@code X-Reporter-Secret}) that shows them a confidential
     * complaint and lets them answer, reply and rate.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Submitted(String trackingId, String status, Instant submittedAt, String reporterSecret) {
    }
}
