package id.aduan.intake.complaint;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The request's W3C trace context as Axon metadata, so the trace started at the gateway survives
 * the event store: taken with each command, copied onto the events the command causes (a
 * correlation data provider, config), and resumed when the publisher sends them to Kafka.
 */
@Component
public class TraceMetadata {

    /** The W3C headers, as metadata keys. */
    public static final List<String> KEYS = List.of("traceparent", "tracestate");

    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    TraceMetadata(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current trace context, empty when there is none (or tracing is off). */
    public Map<String, String> current() {
        Map<String, String> carrier = new HashMap<>();
        Tracer current = tracer.getIfAvailable();
        TraceContext context = current == null ? null : current.currentTraceContext().context();
        if (context != null) {
            propagator.ifAvailable(w3c -> w3c.inject(context, carrier, Map::put));
        }
        return carrier;
    }

    /** A scope in which the trace the metadata names is current again; closing it ends the step. */
    public Resumed resume(MetaData metaData, String step) {
        Tracer current = tracer.getIfAvailable();
        Propagator w3c = propagator.getIfAvailable();
        if (current == null || w3c == null || !metaData.containsKey(KEYS.get(0))) {
            return () -> { };
        }
        Span span = w3c.extract(metaData, (carrier, key) -> (String) carrier.get(key)).name(step).start();
        Tracer.SpanInScope scope = current.withSpan(span);
        return () -> {
            scope.close();
            span.end();
        };
    }

    /** What {@link #resume} returns: closing it throws nothing. */
    public interface Resumed extends AutoCloseable {
        @Override
        void close();
    }
}
