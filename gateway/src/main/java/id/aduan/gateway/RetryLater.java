package id.aduan.gateway;

import id.aduan.platform.web.ProblemWriter;
import java.time.Duration;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Refuses a request for now: problem+json with {@code Retry-After}, never forwarded. */
public final class RetryLater {

    private RetryLater() {
    }

    public static Mono<Void> answer(ProblemWriter problems, ServerWebExchange exchange, HttpStatus status, Duration after,
            String detail) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, after.toSeconds())));
        // The body (within the body size limit) is read before the answer: answered unread, the caller's
        // next request on the same connection could wait forever (seen in FrontDoorIT).
        return exchange.getRequest().getBody().doOnNext(DataBufferUtils::release)
                .then(Mono.defer(() -> problems.write(exchange, status, detail)));
    }
}
