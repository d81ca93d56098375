package id.aduan.intake.idempotency;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Which complaint each idempotency key created, in intake's PostgreSQL beside the event store, so it
 * holds across restarts and instances. A key is claimed in the same transaction that appends the
 * complaint's events: both commit or neither does. The primary key decides a race: of two identical
 * requests at once exactly one insert succeeds, and the other (PostgreSQL makes it wait for the
 * first to commit) reads the winner's claim.
 */
@Component
public class IdempotencyKeys {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    /** JDBC blocks: never on the event loop. */
    private final Scheduler blocking = Schedulers.boundedElastic();

    IdempotencyKeys(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The complaint this key already created, if any. */
    public Mono<Claim> find(IdempotencyKey key) {
        return Mono.fromCallable(() -> read(key).orElse(null)).subscribeOn(blocking);
    }

    /**
     * Claims the key for this complaint and, in the same database transaction, runs {@code create},
     * which must append the complaint's events on the calling thread (an Axon command sent there joins
     * the transaction). When {@code create} throws, nothing is kept: neither the key nor an event.
     * When another request claimed the key first, {@code create} does not run and that claim is
     * returned instead, so a caller compares the complaint id to know whether it won.
     */
    public Mono<Claim> claimAndCreate(IdempotencyKey key, Claim claim, Runnable create) {
        return Mono.fromCallable(() -> transactions.execute(transaction -> {
            int inserted = jdbc.update("""
                    INSERT INTO idempotency_key (scope, key_value, complaint_id, submitted_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""", key.scope(), key.value(), claim.complaintId(), claim.submittedAt().toString());
            if (inserted == 0) {
                return read(key).orElseThrow(() -> new IllegalStateException("idempotency key " + key + " claimed and gone"));
            }
            create.run();
            return claim;
        })).subscribeOn(blocking);
    }

    private Optional<Claim> read(IdempotencyKey key) {
        return jdbc.query("SELECT complaint_id, submitted_at FROM idempotency_key WHERE scope = ? AND key_value = ?",
                (row, number) -> new Claim(row.getString("complaint_id"), Instant.parse(row.getString("submitted_at"))),
                key.scope(), key.value()).stream().findFirst();
    }

    public record Claim(String complaintId, Instant submittedAt) {
    }
}
