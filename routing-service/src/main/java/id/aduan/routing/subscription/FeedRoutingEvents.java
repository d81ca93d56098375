package id.aduan.routing.subscription;

import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.EventEnvelope;
import id.aduan.routing.subscription.delivery.Subscriptions;
import id.aduan.routing.subscription.feed.AgencyFeed;
import id.aduan.routing.subscription.feed.FeedRecipients;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Appends each routing step, each agency's question to a reporter and each warning or breach of an
 * agency's follow-up clock to the feeds of the agencies
 * it concerns (see {@link FeedRecipients}) and wakes their subscriptions; every other event is skipped.
 * Safe to repeat: the append is once per agency and event, and waking again only makes the dispatcher look.
 */
@Component
class FeedRoutingEvents {

    private final AgencyFeed feed;
    private final Subscriptions subscriptions;
    /** Agencies whose topic subscription is known to exist, to skip the upsert on every event. */
    private final Set<String> withTopic = ConcurrentHashMap.newKeySet();

    FeedRoutingEvents(AgencyFeed feed, Subscriptions subscriptions) {
        this.feed = feed;
        this.subscriptions = subscriptions;
    }

    Mono<Void> on(EventEnvelope<?> envelope) {
        List<String> recipients = FeedRecipients.of(envelope.data());
        if (recipients.isEmpty()) {
            return Mono.empty();
        }
        String cloudEvent = new String(CloudEventCodec.encode(envelope), StandardCharsets.UTF_8);
        return Flux.fromIterable(recipients)
                .concatMap(agency -> ensureTopic(agency)
                        .then(feed.append(agency, envelope, cloudEvent))
                        .flatMap(sequence -> subscriptions.wake(agency, sequence)))
                .then();
    }

    private Mono<Void> ensureTopic(String agency) {
        return withTopic.contains(agency) ? Mono.empty()
                : subscriptions.ensureTopic(agency).doOnSuccess(done -> withTopic.add(agency));
    }
}
