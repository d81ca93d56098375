package id.aduan.gateway.hardening;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;

/** A request body without a declared length, failed with 413 once it streams past the limit. */
final class LimitedBody extends ServerHttpRequestDecorator {

    private final long limit;

    LimitedBody(ServerHttpRequest request, long limit) {
        super(request);
        this.limit = limit;
    }

    @Override
    public Flux<DataBuffer> getBody() {
        AtomicLong read = new AtomicLong();
        return super.getBody().handle((buffer, sink) -> {
            if (read.addAndGet(buffer.readableByteCount()) > limit) {
                DataBufferUtils.release(buffer);
                sink.error(new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "the request body is larger than " + limit + " bytes"));
            } else {
                sink.next(buffer);
            }
        });
    }
}
