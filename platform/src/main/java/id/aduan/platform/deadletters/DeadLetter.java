package id.aduan.platform.deadletters;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A message one of this service's consumers gave up on after its retries, as stored on the service's
 * dead-letter topic, and whether a coordinator re-drove it.
 *
 * @param dlqOffset where the letter sits on the dead-letter topic ({@code aduan.dlq.<service>}, partition {@code dlqPartition})
 * @param eventId the CloudEvent's id; null when the message is not a CloudEvent at all (it cannot be re-driven)
 * @param subject the CloudEvent's subject: the complaint id
 * @param error the exception the consumer failed with, as the dead-letter headers hold it
 * @param redrivenAt when a coordinator re-drove it; null while it is unresolved
 */
public record DeadLetter(
        int dlqPartition,
        long dlqOffset,
        String eventId,
        String type,
        String subject,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        String consumerGroup,
        String error,
        String errorType,
        Instant deadLetteredAt,
        Instant redrivenAt,
        @JsonIgnore @Schema(hidden = true) byte[] payload) {

    @JsonProperty
    public boolean resolved() {
        return redrivenAt != null;
    }

    /** Whether re-driving can help: an event with an id; garbage stays as evidence for its producer. */
    @JsonIgnore
    boolean awaitsRedrive() {
        return eventId != null && redrivenAt == null;
    }

    DeadLetter redriven(Instant at) {
        return new DeadLetter(dlqPartition, dlqOffset, eventId, type, subject, originalTopic, originalPartition,
                originalOffset, consumerGroup, error, errorType, deadLetteredAt, at, payload);
    }
}
