package id.aduan.intake.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.intake.complaint.SealedReporter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code notification_contacts} and {@code notification_log} tables in intake's PostgreSQL: whom
 * to tell, and the sent-log of every step and channel (docs/notifications.md). The projection logs
 * steps in its processor's transaction, with its token; the sender's claims and outcomes are each a
 * statement of their own, recorded the moment they are made.
 */
@Component
class NotificationLog {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String SKIPPED = "SKIPPED";
    static final String FAILED = "FAILED";
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    NotificationLog(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @param unsubscribed when the reporter asked to hear no more of this complaint; null while they hear */
    record Contact(String complaintId, SealedReporter reporter, String reporterRef, Instant unsubscribed) {
    }

    /** A step on one channel, claimed for sending under {@code leaseToken}. */
    record Due(String eventId, Channel channel, String complaintId, Step step, Map<String, String> details, int attempts,
            String leaseToken) {
    }

    /**
     * A dead letter: a step that could not be delivered on a channel. No contact detail of the reporter.
     */
    record Failed(String eventId, String complaintId, Channel channel, Step step, int attempts, String lastError,
            Instant createdAt, Instant failedAt) {
    }

    void rememberContact(String complaintId, SealedReporter reporter, String reporterRef) {
        jdbc.update("""
                INSERT INTO notification_contacts (complaint_id, reporter_key, reporter_ciphertext, reporter_ref)
                VALUES (:id, :key, :ciphertext, :ref) ON CONFLICT (complaint_id) DO NOTHING""",
                new MapSqlParameterSource("id", complaintId).addValue("key", reporter.key())
                        .addValue("ciphertext", reporter.ciphertext()).addValue("ref", reporterRef));
    }

    Optional<Contact> contact(String complaintId) {
        return jdbc.query("SELECT * FROM notification_contacts WHERE complaint_id = :id",
                new MapSqlParameterSource("id", complaintId), (row, n) -> new Contact(row.getString("complaint_id"),
                        new SealedReporter(row.getString("reporter_key"), row.getString("reporter_ciphertext")),
                        row.getString("reporter_ref"), instant(row, "unsubscribed_at"))).stream().findFirst();
    }

    /** True when the complaint has a contact; unsubscribing twice keeps the first time. */
    boolean unsubscribe(String complaintId, Instant now) {
        return jdbc.update("UPDATE notification_contacts SET unsubscribed_at = COALESCE(unsubscribed_at, :now) WHERE complaint_id = :id",
                new MapSqlParameterSource("id", complaintId).addValue("now", timestamp(now))) > 0;
    }

    /** Logs the step once per channel: a row the event already has is left as it is. */
    void record(String eventId, String complaintId, Step step, Map<String, String> details, Collection<Channel> channels,
            Instant now) {
        String detailsJson;
        try {
            detailsJson = json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("details of " + eventId + " are not JSON", e);
        }
        for (Channel channel : channels) {
            jdbc.update("""
                    INSERT INTO notification_log (event_id, channel, complaint_id, step, details, next_attempt_at, created_at)
                    VALUES (:event, :channel, :complaint, :step, CAST(:details AS JSONB), :now, :now)
                    ON CONFLICT (event_id, channel) DO NOTHING""",
                    new MapSqlParameterSource("event", eventId).addValue("channel", channel.name())
                            .addValue("complaint", complaintId).addValue("step", step.name()).addValue("details", detailsJson)
                            .addValue("now", timestamp(now)));
        }
    }

    /**
     * Claims up to {@code batch} due rows, each the oldest pending one of its complaint and channel (so a
     * complaint's steps go out in order, a failing one holding back those after it), with a lease no
     * other instance takes over before it runs out. The claim counts as an attempt. A lease per row, not
     * ShedLock's one lock per task, so that every instance sends at once, each its own rows.
     */
    List<Due> claimDue(Instant now, Duration lease, int batch) {
        String token = UUID.randomUUID().toString();
        return jdbc.query("""
                UPDATE notification_log SET lease_until = :leaseUntil, lease_token = :token, attempts = attempts + 1
                WHERE (event_id, channel) IN (
                    SELECT due.event_id, due.channel FROM notification_log due
                    WHERE due.status = 'PENDING' AND due.next_attempt_at <= :now
                      AND (due.lease_until IS NULL OR due.lease_until < :now)
                      AND NOT EXISTS (SELECT 1 FROM notification_log earlier
                                      WHERE earlier.complaint_id = due.complaint_id AND earlier.channel = due.channel
                                        AND earlier.status = 'PENDING' AND earlier.position < due.position)
                    ORDER BY due.position LIMIT :batch FOR UPDATE SKIP LOCKED)
                RETURNING event_id, channel, complaint_id, step, details, attempts, lease_token, position""",
                new MapSqlParameterSource("now", timestamp(now)).addValue("leaseUntil", timestamp(now.plus(lease)))
                        .addValue("token", token).addValue("batch", batch),
                (row, n) -> new Due(row.getString("event_id"), Channel.valueOf(row.getString("channel")),
                        row.getString("complaint_id"), Step.valueOf(row.getString("step")), details(row.getString("details")),
                        row.getInt("attempts"), row.getString("lease_token")));
    }

    /** SENT or SKIPPED (with why); only while the claim is still the caller's. */
    void finish(Due due, String status, String note, Instant now) {
        jdbc.update("""
                UPDATE notification_log SET status = :status, last_error = :note, finished_at = :now, lease_until = NULL
                WHERE event_id = :event AND channel = :channel AND lease_token = :token AND status = 'PENDING'""",
                key(due).addValue("status", status).addValue("note", note).addValue("now", timestamp(now)));
    }

    /** A failed attempt: tried again at {@code retryAt}, or FAILED for good when it was the last. */
    void failed(Due due, String error, boolean last, Instant retryAt, Instant now) {
        jdbc.update("""
                UPDATE notification_log SET status = :status, last_error = :error, next_attempt_at = :retryAt,
                    finished_at = :finishedAt, lease_until = NULL
                WHERE event_id = :event AND channel = :channel AND lease_token = :token AND status = 'PENDING'""",
                key(due).addValue("status", last ? FAILED : PENDING).addValue("error", error)
                        .addValue("retryAt", timestamp(retryAt)).addValue("finishedAt", last ? timestamp(now) : null));
    }

    /** The dead letters, most recent first. */
    List<Failed> failed(int limit) {
        return jdbc.query("""
                SELECT event_id, complaint_id, channel, step, attempts, last_error, created_at, finished_at
                FROM notification_log WHERE status = 'FAILED' ORDER BY finished_at DESC, event_id LIMIT :limit""",
                new MapSqlParameterSource("limit", limit),
                (row, n) -> new Failed(row.getString("event_id"), row.getString("complaint_id"),
                        Channel.valueOf(row.getString("channel")), Step.valueOf(row.getString("step")), row.getInt("attempts"),
                        row.getString("last_error"), instant(row, "created_at"), instant(row, "finished_at")));
    }

    private static MapSqlParameterSource key(Due due) {
        return new MapSqlParameterSource("event", due.eventId()).addValue("channel", due.channel().name())
                .addValue("token", due.leaseToken());
    }

    private Map<String, String> details(String text) {
        try {
            return json.readValue(text, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification details are not JSON: " + text, e);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
