package id.aduan.intake.open311.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The Open311 client apps coordinators registered, each with its {@code api_key}, in intake's
 * PostgreSQL. A key is 256 random bits, shown once; only its SHA-256 is kept. A fast hash is enough
 * here, unlike for passwords: nobody can guess 256 random bits, so a slow hash would add no safety,
 * and a plain digest lets each submission find its app by one unique-index lookup.
 */
@Component
public class ClientApps {

    /** Tells a key apart in logs and secret scanners. */
    static final String KEY_PREFIX = "aduan311_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ClientApps(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A registered app; never its key. */
    public record ClientApp(String appId, String name, Instant issuedAt, String issuedBy, Instant revokedAt) {
    }

    /** @param apiKey shown this once: only its hash is kept */
    record Issued(ClientApp app, String apiKey) {
    }

    Mono<Issued> issue(String name, String issuedBy) {
        return Mono.fromCallable(() -> {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            ClientApp app = new ClientApp(UUID.randomUUID().toString(), name, clock.instant(), issuedBy, null);
            jdbc.update("INSERT INTO open311_client_app (app_id, name, key_hash, issued_at, issued_by) VALUES (?, ?, ?, ?, ?)",
                    app.appId(), app.name(), hash(key), time(app.issuedAt()), app.issuedBy());
            return new Issued(app, key);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    Mono<List<ClientApp>> all() {
        return Mono.fromCallable(() -> jdbc.query("SELECT * FROM open311_client_app ORDER BY issued_at, app_id", ClientApps::app))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** @return the app as revoked now (or when it was revoked before); nothing for an unknown app */
    Mono<ClientApp> revoke(String appId) {
        return Mono.fromCallable(() -> {
            jdbc.update("UPDATE open311_client_app SET revoked_at = ? WHERE app_id = ? AND revoked_at IS NULL",
                    time(clock.instant()), appId);
            return jdbc.query("SELECT * FROM open311_client_app WHERE app_id = ?", ClientApps::app, appId)
                    .stream().findFirst().orElse(null);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** The app this key was issued to, unless revoked. */
    public Mono<ClientApp> findByKey(String apiKey) {
        return Mono.fromCallable(() -> jdbc.query("SELECT * FROM open311_client_app WHERE key_hash = ? AND revoked_at IS NULL",
                        ClientApps::app, hash(apiKey)).stream().findFirst().orElse(null))
                .subscribeOn(Schedulers.boundedElastic());
    }

    static String hash(String apiKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static ClientApp app(ResultSet row, int number) throws SQLException {
        return new ClientApp(row.getString("app_id"), row.getString("name"), instant(row, "issued_at"),
                row.getString("issued_by"), instant(row, "revoked_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null);
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
