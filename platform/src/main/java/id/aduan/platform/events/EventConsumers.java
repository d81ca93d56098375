package id.aduan.platform.events;

import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.EventEnvelope;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/**
 * Turns an {@link EventHandler} into a Spring Cloud Stream consumer that decodes the CloudEvent,
 * skips events already in the inbox and records each one after handling it. Failures propagate to
 * the binder, which retries a bounded number of times and then dead-letters the message.
 */
public final class EventConsumers {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final Inbox inbox;
    private final Duration timeout;

    public EventConsumers(Inbox inbox, Duration timeout) {
        this.inbox = inbox;
        this.timeout = timeout;
    }

    public Consumer<Message<byte[]>> consumer(EventHandler handler) {
        return message -> {
            EventEnvelope<?> envelope = CloudEventCodec.decode(message.getPayload());
            inbox.contains(envelope.id())
                    .flatMap(seen -> {
                        if (seen) {
                            log.debug("Skipping {} {}: already handled", envelope.type(), envelope.id());
                            return Mono.<Void>empty();
                        }
                        return handler.handle(envelope).then(inbox.record(envelope));
                    })
                    .block(timeout);
        };
    }
}
