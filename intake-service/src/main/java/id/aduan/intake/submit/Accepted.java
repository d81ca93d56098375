package id.aduan.intake.submit;

import java.net.URI;
import java.time.Instant;
import org.springframework.http.ResponseEntity;

/**
 * A complaint intake accepted.
 *
 * @param repeated true when an earlier request with the same idempotency key created it
 */
public record Accepted(String trackingId, Instant submittedAt, boolean repeated) {

    static Accepted first(String trackingId, Instant submittedAt) {
        return new Accepted(trackingId, submittedAt, false);
    }

    static Accepted again(String trackingId, Instant submittedAt) {
        return new Accepted(trackingId, submittedAt, true);
    }

    /** 201 with the complaint's location the first time, 200 with the same body when repeated. */
    public <T> ResponseEntity<T> respond(T body) {
        return repeated ? ResponseEntity.ok(body)
                : ResponseEntity.created(URI.create("/api/v1/complaints/" + trackingId)).body(body);
    }

    public ResponseEntity<Submitted> respond() {
        return respond(new Submitted(trackingId, "SUBMITTED", submittedAt));
    }

    /** The answer to a submission: the tracking id the reporter follows the complaint by. */
    public record Submitted(String trackingId, String status, Instant submittedAt) {
    }
}
