package id.aduan.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.WebSessionManager;
import reactor.core.publisher.Mono;

/**
 * The gateway keeps no sessions: every caller sends a bearer token. Spring Security's default
 * security-context repository still looks in the request's session, and WebFlux's in-memory session
 * store makes a new one by hopping to the bounded-elastic scheduler and back to the parallel one:
 * two thread hand-offs per request, after which the whole request ran on the two parallel threads
 * (docs/security.md, "Throughput"). Here a request's session is made on its own thread, is never
 * started, stored, or sent as a cookie.
 */
final class NoWebSessions implements WebSessionManager {

    @Override
    public Mono<WebSession> getSession(ServerWebExchange exchange) {
        return Mono.just(new Unsaved(Instant.now()));
    }

    /** A session that exists for one request only; its id is never handed out, so it needs no secure randomness. */
    private static final class Unsaved implements WebSession {

        private final String id = new UUID(ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong()).toString();
        private final Map<String, Object> attributes = new HashMap<>();
        private final Instant created;
        private Duration maxIdleTime = Duration.ofMinutes(30);

        Unsaved(Instant created) {
            this.created = created;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public Map<String, Object> getAttributes() {
            return attributes;
        }

        @Override
        public void start() {
        }

        @Override
        public boolean isStarted() {
            return false;
        }

        @Override
        public Mono<Void> changeSessionId() {
            return Mono.empty();
        }

        @Override
        public Mono<Void> invalidate() {
            return Mono.empty();
        }

        @Override
        public Mono<Void> save() {
            return Mono.empty();
        }

        @Override
        public boolean isExpired() {
            return false;
        }

        @Override
        public Instant getCreationTime() {
            return created;
        }

        @Override
        public Instant getLastAccessTime() {
            return created;
        }

        @Override
        public void setMaxIdleTime(Duration maxIdleTime) {
            this.maxIdleTime = maxIdleTime;
        }

        @Override
        public Duration getMaxIdleTime() {
            return maxIdleTime;
        }
    }
}
