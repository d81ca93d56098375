package id.aduan.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.aduan.gateway.RetryLater;
import id.aduan.platform.web.ProblemWriter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Token buckets on public submission: per person and per address for a person's token, per app for
 * an app's own token; and per address on the public reads that cost a query, the public statistics
 * (docs/security.md, "Rate limits"). A request takes one token from each bucket that applies, and
 * is refused with 429 and Retry-After when one is empty. It runs after the
 * security filters, so an unauthenticated flood is refused there without spending anyone's tokens.
 */
@Component
@Order(1)
class SubmissionRateLimit implements WebFilter {

    /** The app a token was issued to (RFC 9068); the authorization server puts it in every access token. */
    static final String CLIENT_ID_CLAIM = "client_id";
    private static final String PREFERRED_USERNAME_CLAIM = "preferred_username";
    /** How Keycloak names the user a client's service account acts as. */
    private static final String KEYCLOAK_SERVICE_ACCOUNT = "service-account-";

    private final RateLimitSettings settings;
    private final List<PathPattern> paths;
    private final List<PathPattern> readPaths;
    private final ProblemWriter problems;
    // Bounded: an idle key's bucket is full again after one period, so it may be forgotten then.
    private final Cache<String, Bucket> perPerson;
    private final Cache<String, Bucket> perAddress;
    private final Cache<String, Bucket> perApp;
    private final Cache<String, Bucket> readsPerAddress;

    SubmissionRateLimit(RateLimitSettings settings, ProblemWriter problems) {
        this.settings = settings;
        this.problems = problems;
        this.paths = patterns(settings.paths());
        this.readPaths = patterns(settings.readPaths());
        this.perPerson = buckets();
        this.perAddress = buckets();
        this.perApp = buckets();
        this.readsPerAddress = buckets();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() == HttpMethod.GET && matches(exchange, readPaths)) {
            return limitReads(exchange, chain);
        }
        if (exchange.getRequest().getMethod() != HttpMethod.POST || !matches(exchange, paths)) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> ((JwtAuthenticationToken) principal).getToken())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(token -> {
                    Optional<String> app = token.flatMap(SubmissionRateLimit::appOf);
                    return app.isPresent() ? limitApp(exchange, chain, app.get())
                            : limitPerson(exchange, chain, token.map(Jwt::getSubject));
                });
    }

    /**
     * The app whose own token (client credentials) this is, if it is one: Aduan's authorization server
     * names the app as its subject, Keycloak names its service account ({@code service-account-<client id>}
     * as {@code preferred_username}, the account's id as subject). A person's token names the person and
     * the app they logged in to; a token without {@code client_id} counts as a person's.
     */
    static Optional<String> appOf(Jwt token) {
        String clientId = token.getClaimAsString(CLIENT_ID_CLAIM);
        boolean own = clientId != null && (clientId.equals(token.getSubject())
                || (KEYCLOAK_SERVICE_ACCOUNT + clientId).equals(token.getClaimAsString(PREFERRED_USERNAME_CLAIM)));
        return own ? Optional.of(clientId) : Optional.empty();
    }

    /** An app submits for many citizens from its own servers: its allowance, not an address's, bounds it. */
    private Mono<Void> limitApp(ServerWebExchange exchange, WebFilterChain chain, String clientId) {
        int allowance = settings.appAllowance(clientId);
        if (allowance == 0) {
            return chain.filter(exchange);
        }
        ConsumptionProbe byApp = perApp.get(clientId, key -> bucket(allowance)).tryConsumeAndReturnRemaining(1);
        return byApp.isConsumed() ? chain.filter(exchange) : tooMany(exchange, byApp, "from this app");
    }

    /** Anyone may read without a token, so the address is all there is to count by. */
    private Mono<Void> limitReads(ServerWebExchange exchange, WebFilterChain chain) {
        ConsumptionProbe byAddress = readsPerAddress.get(address(exchange), key -> bucket(settings.readsPerAddress()))
                .tryConsumeAndReturnRemaining(1);
        return byAddress.isConsumed() ? chain.filter(exchange) : tooMany(exchange, byAddress, "requests", "from your address");
    }

    private Mono<Void> limitPerson(ServerWebExchange exchange, WebFilterChain chain, Optional<String> person) {
        String address = address(exchange);
        ConsumptionProbe byAddress = perAddress.get(address, key -> bucket(settings.perAddress())).tryConsumeAndReturnRemaining(1);
        if (!byAddress.isConsumed()) {
            return tooMany(exchange, byAddress, "from your address");
        }
        if (person.isPresent()) {
            ConsumptionProbe byPerson = perPerson.get(person.get(), key -> bucket(settings.perPerson())).tryConsumeAndReturnRemaining(1);
            if (!byPerson.isConsumed()) {
                return tooMany(exchange, byPerson, "from your account");
            }
        }
        return chain.filter(exchange);
    }

    private static String address(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getRequest().getRemoteAddress()).map(InetSocketAddress::getHostString).orElse("unknown");
    }

    private static boolean matches(ServerWebExchange exchange, List<PathPattern> patterns) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        return patterns.stream().anyMatch(pattern -> pattern.matches(path));
    }

    private static List<PathPattern> patterns(List<String> paths) {
        return paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    private Mono<Void> tooMany(ServerWebExchange exchange, ConsumptionProbe probe, String whose) {
        return tooMany(exchange, probe, "submissions", whose);
    }

    private Mono<Void> tooMany(ServerWebExchange exchange, ConsumptionProbe probe, String what, String whose) {
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        return RetryLater.answer(problems, exchange, HttpStatus.TOO_MANY_REQUESTS, Duration.ofSeconds(seconds),
                "Too many " + what + " " + whose + "; try again in " + seconds + " s.");
    }

    private Cache<String, Bucket> buckets() {
        return Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(settings.per()).build();
    }

    /** A full bucket of {@code allowance} tokens, refilled evenly over the period. */
    private Bucket bucket(int allowance) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(allowance).refillGreedy(allowance, settings.per()).build())
                .build();
    }
}
