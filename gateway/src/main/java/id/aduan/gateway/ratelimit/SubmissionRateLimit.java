package id.aduan.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Token buckets per client and per address on public submission: a request takes one token from
 * each, and is refused with 429 and Retry-After when either is empty. It runs after the security
 * filters, so an unauthenticated flood is refused there without spending anyone's tokens.
 */
@Component
@Order(1)
class SubmissionRateLimit implements WebFilter {

    private final RateLimitSettings settings;
    private final List<PathPattern> paths;
    private final ProblemWriter problems;
    // Bounded: an idle key's bucket is full again after one period, so it may be forgotten then.
    private final Cache<String, Bucket> perClient;
    private final Cache<String, Bucket> perAddress;

    SubmissionRateLimit(RateLimitSettings settings, ProblemWriter problems) {
        this.settings = settings;
        this.problems = problems;
        this.paths = settings.paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.perClient = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(settings.per()).build();
        this.perAddress = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(settings.per()).build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.POST || !isSubmission(exchange)) {
            return chain.filter(exchange);
        }
        String address = Optional.ofNullable(exchange.getRequest().getRemoteAddress())
                .map(InetSocketAddress::getHostString).orElse("unknown");
        return exchange.getPrincipal().map(principal -> principal.getName()).defaultIfEmpty("anonymous").flatMap(client -> {
            ConsumptionProbe byAddress = perAddress.get(address, key -> bucket(settings.perAddress())).tryConsumeAndReturnRemaining(1);
            if (!byAddress.isConsumed()) {
                return tooMany(exchange, byAddress, "from your address");
            }
            ConsumptionProbe byClient = perClient.get(client, key -> bucket(settings.perClient())).tryConsumeAndReturnRemaining(1);
            if (!byClient.isConsumed()) {
                return tooMany(exchange, byClient, "from your account");
            }
            return chain.filter(exchange);
        });
    }

    private boolean isSubmission(ServerWebExchange exchange) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        return paths.stream().anyMatch(pattern -> pattern.matches(path));
    }

    private Mono<Void> tooMany(ServerWebExchange exchange, ConsumptionProbe probe, String whose) {
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "Too many submissions " + whose + "; try again in " + seconds + " s.");
    }

    /** A full bucket of {@code allowance} tokens, refilled evenly over the period. */
    private Bucket bucket(int allowance) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(allowance).refillGreedy(allowance, settings.per()).build())
                .build();
    }
}
