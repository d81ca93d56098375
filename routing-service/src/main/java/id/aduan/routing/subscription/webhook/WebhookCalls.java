package id.aduan.routing.subscription.webhook;

import id.aduan.contracts.CloudEventCodec;
import id.aduan.platform.security.HmacSignature;
import id.aduan.routing.subscription.delivery.Attempt;
import id.aduan.routing.subscription.delivery.DeliveryTarget;
import id.aduan.routing.subscription.delivery.Lease;
import id.aduan.routing.subscription.delivery.Subscription;
import id.aduan.routing.subscription.feed.FeedEntry;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Calls an agency's webhook once per feed entry, in order: a POST of the CloudEvent JSON, signed,
 * with the event id to deduplicate on and the entry's number. A 2xx answer delivers the entry;
 * anything else (another status, no answer in time, a refused address) stops the attempt there.
 * Redirects are not followed: they could lead anywhere, internal addresses included. No call starts
 * unless the lease covers it, so a slow receiver never gets an entry from two instances.
 */
public final class WebhookCalls implements DeliveryTarget {

    public static final String DELIVERY_HEADER = "X-Aduan-Delivery";
    public static final String SEQUENCE_HEADER = "X-Aduan-Sequence";
    public static final String EVENT_TYPE_HEADER = "X-Aduan-Event-Type";

    private final WebClient http;
    private final Duration timeout;

    public WebhookCalls(Duration timeout, boolean allowInternalAddresses) {
        this.timeout = timeout;
        HttpClient client = HttpClient.create()
                .followRedirect(false)
                .responseTimeout(timeout)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis());
        if (!allowInternalAddresses) {
            InternalAddressGuard guard = new InternalAddressGuard();
            client = client.doOnChannelInit((observer, channel, remote) -> channel.pipeline().addFirst(guard));
        }
        this.http = WebClient.builder().clientConnector(new ReactorClientHttpConnector(client))
                .defaultHeader(HttpHeaders.USER_AGENT, "Aduan-Webhooks/1")
                .build();
    }

    @Override
    public Subscription.Kind kind() {
        return Subscription.Kind.WEBHOOK;
    }

    @Override
    public Mono<Attempt> deliver(Subscription subscription, List<FeedEntry> entries, Lease lease) {
        return deliverFrom(subscription, entries, lease, 0, entries.get(0).sequence() - 1, null);
    }

    private Mono<Attempt> deliverFrom(Subscription subscription, List<FeedEntry> entries, Lease lease, int index, long upTo,
            Integer lastStatus) {
        if (index == entries.size()) {
            return Mono.just(new Attempt(upTo, lastStatus, null));
        }
        FeedEntry entry = entries.get(index);
        return lease.covers(longestCall())
                .flatMap(held -> held
                        ? call(subscription, entry).map(status -> new Attempt(upTo, status, status / 100 == 2 ? null : "answered HTTP " + status))
                        : Mono.just(new Attempt(upTo, lastStatus, "another instance took the subscription over")))
                .onErrorResume(TimeoutException.class, e -> Mono.just(new Attempt(upTo, null,
                        "no complete answer within " + longestCall().toSeconds() + " s")))
                .onErrorResume(e -> Mono.just(Attempt.stoppedBy(e, upTo)))
                .flatMap(attempt -> attempt.failed() ? Mono.just(attempt)
                        : deliverFrom(subscription, entries, lease, index + 1, entry.sequence(), attempt.lastStatus()));
    }

    /** Connecting and answering are each bounded by the timeout. */
    private Duration longestCall() {
        return timeout.multipliedBy(2);
    }

    private Mono<Integer> call(Subscription subscription, FeedEntry entry) {
        byte[] body = entry.cloudEvent().getBytes(StandardCharsets.UTF_8);
        return http.post()
                .uri(URI.create(subscription.url()))
                .contentType(MediaType.parseMediaType(CloudEventCodec.CONTENT_TYPE))
                .header(HmacSignature.HEADER, HmacSignature.sign(subscription.secret(), body))
                .header(DELIVERY_HEADER, entry.eventId())
                .header(SEQUENCE_HEADER, Long.toString(entry.sequence()))
                .header(EVENT_TYPE_HEADER, entry.type())
                .bodyValue(body)
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .timeout(longestCall());
    }
}
