package id.aduan.routing.subscription.stream;

import id.aduan.platform.security.Actor;
import id.aduan.platform.web.ProblemResponses;
import id.aduan.routing.subscription.AgencyAccess;
import id.aduan.routing.subscription.SubscriptionSettings;
import id.aduan.routing.subscription.feed.AgencyFeed;
import id.aduan.routing.subscription.feed.FeedEntry;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An agency's routing events as Server-Sent Events: {@code id} is the entry's number in the
 * agency's feed, {@code event} the CloudEvents type, {@code data} the CloudEvent JSON. A client
 * that reconnects with {@code Last-Event-ID} (or {@code ?lastEventId=} on a first connection)
 * gets exactly what follows that number: nothing lost, nothing repeated. The stream follows the
 * feed in MongoDB, so it sees what any routing instance appended. It ends when the bearer token
 * expires: the token was checked once, at connection, and must not open the feed for longer than
 * it was issued for; the client reconnects with a fresh token and its {@code Last-Event-ID}.
 */
@RestController
class AgencyEventStreamEndpoint {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final int BATCH = 500;

    private final AgencyFeed feed;
    private final SubscriptionSettings.Stream settings;
    private final Clock clock;

    AgencyEventStreamEndpoint(AgencyFeed feed, SubscriptionSettings settings, Clock clock) {
        this.feed = feed;
        this.settings = settings.stream();
        this.clock = clock;
    }

    @Operation(summary = "Stream an agency's events (server-sent events)")
    @GetMapping(path = "/api/v1/agencies/{code}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyRole('AGENCY', 'COORDINATOR')")
    Mono<ResponseEntity<?>> events(@PathVariable String code,
            @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventIdHeader,
            @RequestParam(name = "lastEventId", required = false) String lastEventIdParameter,
            @AuthenticationPrincipal Jwt token, ServerHttpRequest request) {
        long after;
        try {
            AgencyAccess.requireWatcher(Actor.of(token), code);
            after = lastEventIdHeader != null ? position(LAST_EVENT_ID, lastEventIdHeader)
                    : lastEventIdParameter != null ? position("lastEventId", lastEventIdParameter) : 0;
        } catch (ErrorResponseException refused) {
            return Mono.just(refusal(refused, request));
        }
        String parameter = lastEventIdHeader != null ? LAST_EVENT_ID : "lastEventId";
        // An id this feed never sent (from another deployment, or a feed rebuilt) would hide every event up to it.
        return feed.head(code).map(head -> after > head
                ? refusal(ProblemResponses.invalidField(parameter, "is beyond the last event of this feed (" + head + ")"), request)
                : ResponseEntity.ok()
                        .cacheControl(CacheControl.noStore())
                        // Tells nginx-style proxies not to buffer the stream.
                        .header("X-Accel-Buffering", "no")
                        .body(untilExpiry(token.getExpiresAt(),
                                Flux.merge(tail(code, after).map(AgencyEventStreamEndpoint::event), heartbeats()))));
    }

    /** The stream until the token's {@code exp}, then a last comment saying why it ends. */
    private Flux<ServerSentEvent<String>> untilExpiry(Instant expiresAt, Flux<ServerSentEvent<String>> stream) {
        if (expiresAt == null) {
            return stream;
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        return stream.takeUntilOther(Mono.delay(left.isNegative() ? Duration.ZERO : left))
                .concatWithValues(ServerSentEvent.<String>builder()
                        .comment("token expired: reconnect with a fresh token and Last-Event-ID").build());
    }

    /**
     * A refusal answered here with its type set: left to content negotiation, a client accepting
     * only text/event-stream (an EventSource) would get the problem written as an event.
     */
    private static ResponseEntity<ProblemDetail> refusal(ErrorResponseException refused, ServerHttpRequest request) {
        ProblemDetail problem = refused.getBody();
        problem.setInstance(URI.create(request.getPath().value()));
        return ResponseEntity.status(refused.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private Flux<ServerSentEvent<String>> heartbeats() {
        return Flux.interval(settings.heartbeat()).map(tick -> ServerSentEvent.<String>builder().comment("heartbeat").build());
    }

    /** Every entry after {@code after}, then each new one as it lands, polling the feed. */
    private Flux<FeedEntry> tail(String code, long after) {
        AtomicLong cursor = new AtomicLong(after);
        return Flux.interval(Duration.ZERO, settings.pollInterval())
                .onBackpressureDrop()
                .concatMap(tick -> newEntries(code, cursor.get()).doOnNext(entry -> cursor.set(entry.sequence())), 1);
    }

    /** What follows the cursor, batch after batch while batches come back full. */
    private Flux<FeedEntry> newEntries(String code, long cursor) {
        return read(code, cursor)
                .expand(batch -> batch.size() == BATCH ? read(code, batch.get(batch.size() - 1).sequence()) : Mono.empty())
                .flatMapIterable(batch -> batch);
    }

    private Mono<List<FeedEntry>> read(String code, long after) {
        return feed.after(code, after, BATCH).collectList();
    }

    private static ServerSentEvent<String> event(FeedEntry entry) {
        return ServerSentEvent.builder(entry.cloudEvent())
                .id(Long.toString(entry.sequence()))
                .event(entry.type())
                .build();
    }

    private static long position(String name, String value) {
        if (!value.matches("[0-9]{1,18}")) {
            throw ProblemResponses.invalidField(name, "must be the id of an event this stream sent: a whole number");
        }
        return Long.parseLong(value);
    }
}
