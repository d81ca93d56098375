package id.aduan.platform.events;

import id.aduan.contracts.EventEnvelope;
import reactor.core.publisher.Mono;

/**
 * What a service does with one inbound event. It must be safe to run again for the same event
 * (upserts, derived event ids): a crash after handling and before the inbox records it repeats it.
 */
@FunctionalInterface
public interface EventHandler {

    Mono<Void> handle(EventEnvelope<?> envelope);
}
