package id.aduan.routing.subscription.webhook;

import static id.aduan.routing.subscription.RoutingSteps.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.SlaClockBreached;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockWarning;
import id.aduan.routing.subscription.RoutingSteps;
import id.aduan.routing.subscription.SubscriptionSettings;
import id.aduan.routing.subscription.SubscriptionTest;
import id.aduan.routing.subscription.delivery.DeliveryTarget;
import id.aduan.routing.subscription.delivery.Dispatcher;
import id.aduan.routing.subscription.delivery.Subscription;
import id.aduan.routing.subscription.delivery.Subscriptions;
import id.aduan.routing.subscription.feed.AgencyFeed;
import id.aduan.routing.subscription.WebhookReceiver;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWatcher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

@SubscriptionTest
class WebhookDeliveryIT {

    @Autowired
    WebTestClient http;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    AgencyFeed feed;

    @Autowired
    List<DeliveryTarget> targets;

    @Autowired
    SubscriptionSettings settings;

    @Autowired
    Dispatcher dispatcher;

    private final TestIssuer issuer = TestIssuer.shared();

    /** As patient as a loaded machine needs (the 5 s default flaked): what is tested is delivery, not the answer's speed. */
    @BeforeEach
    void patientClient() {
        http = http.mutate().responseTimeout(PATIENCE).build();
    }

    @Test
    void aReceiverThatIsDownForAWhileGetsEveryEventOnceItIsUpInOrderAndSignedAndTheStatusShowsTheFailuresThenTheRecovery() {
        String agency = RoutingSteps.freshAgency();
        try (WebhookReceiver receiver = new WebhookReceiver(false)) {
            JsonNode registered = register(agency, receiver.url()).expectStatus().isCreated()
                    .expectHeader().valueMatches(HttpHeaders.LOCATION, "/api/v1/agencies/" + agency + "/webhooks/.+")
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            String id = registered.get("id").asText();
            String secret = registered.get("secret").asText();
            assertThat(secret).hasSize(64);

            List<EventEnvelope<ComplaintRouted>> published = List.of(
                    RoutingSteps.routedTo(agency), RoutingSteps.routedTo(agency), RoutingSteps.routedTo(agency));

            // Down: the first event is tried again and again, and the agency sees why.
            await().atMost(PATIENCE).until(() -> receiver.calls().size() >= 3);
            JsonNode failing = status(agency, id);
            assertThat(failing.get("deliveredUpTo").asLong()).isZero();
            assertThat(failing.get("failuresInARow").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(failing.get("lastStatus").asInt()).isEqualTo(503);
            assertThat(failing.get("lastError").asText()).contains("503");
            assertThat(failing.get("nextAttemptAt").isNull()).isFalse();
            assertThat(receiver.calls()).allSatisfy(call -> assertThat(call.header("X-Aduan-Sequence")).isEqualTo("1"));

            receiver.comeUp();
            await().atMost(PATIENCE).until(() -> receiver.deliveries().size() >= 3);

            List<WebhookReceiver.Call> deliveries = receiver.deliveries();
            assertThat(deliveries).extracting(call -> call.header("X-Aduan-Sequence")).containsExactly("1", "2", "3");
            assertThat(deliveries).extracting(call -> call.header("X-Aduan-Delivery"))
                    .containsExactlyInAnyOrderElementsOf(published.stream().map(EventEnvelope::id).toList());
            assertThat(receiver.calls()).allSatisfy(call -> {
                assertThat(signatureMatches(secret, call)).as("signature of call %s", call.header("X-Aduan-Sequence")).isTrue();
                EventEnvelope<?> event = CloudEventCodec.decode(call.body());
                assertThat(event.id()).isEqualTo(call.header("X-Aduan-Delivery"));
                assertThat(((ComplaintRouted) event.data()).agencyCode()).isEqualTo(agency);
                assertThat(call.header("Content-Type")).startsWith(CloudEventCodec.CONTENT_TYPE);
            });

            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode recovered = status(agency, id);
                assertThat(recovered.get("deliveredUpTo").asLong()).isEqualTo(3);
                assertThat(recovered.get("backlog").asLong()).isZero();
                assertThat(recovered.get("failuresInARow").asInt()).isZero();
                assertThat(recovered.get("lastStatus").asInt()).isEqualTo(200);
                assertThat(recovered.get("lastError").isNull()).isTrue();
                assertThat(recovered.get("lastSuccessAt").isNull()).isFalse();
                assertThat(recovered.get("nextAttemptAt").isNull()).isTrue();
            });
        }
    }

    /** As two routing instances would: the lease lets one deliver a subscription at a time, so order holds. */
    @Test
    void twoInstancesDeliveringAtOnceSendEachEventOnceInOrder() {
        String agency = RoutingSteps.freshAgency();
        Dispatcher secondInstance = new Dispatcher(subscriptions, feed, targets, settings.delivery(), Clock.systemUTC());
        try (WebhookReceiver receiver = new WebhookReceiver(true)) {
            register(agency, receiver.url()).expectStatus().isCreated();
            for (int i = 0; i < 20; i++) {
                RoutingSteps.routedTo(agency);
            }
            Disposable rounds = Flux.interval(Duration.ofMillis(100)).onBackpressureDrop()
                    .concatMap(tick -> secondInstance.round(), 1).subscribe();
            try {
                await().atMost(PATIENCE).until(() -> receiver.deliveries().size() >= 20);
            } finally {
                rounds.dispose();
            }
            assertThat(receiver.deliveries()).extracting(call -> call.header("X-Aduan-Sequence"))
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).mapToObj(Integer::toString).toList());
            assertThat(receiver.mostAtOnce()).isEqualTo(1);
        }
    }

    /**
     * Delivering the batch takes longer than the lease: without renewal the lease would run out
     * mid-batch and the other instance would send the same events again, out of order.
     */
    @Test
    void aReceiverSlowerThanTheLeaseGetsEveryEventExactlyOnceAndEachComplaintsInOrderFromTwoInstances() {
        String agency = RoutingSteps.freshAgency();
        // 20 answers at 300 ms: 6 s for the batch, beyond the 5 s lease; a call takes at most 2 s (twice the timeout).
        SubscriptionSettings.Delivery shortLease = new SubscriptionSettings.Delivery(Duration.ofMillis(100), Duration.ofSeconds(5),
                8, 100, Duration.ofMillis(100), Duration.ofSeconds(1));
        List<DeliveryTarget> slowWebhooks = Stream.concat(
                targets.stream().filter(target -> target.kind() != Subscription.Kind.WEBHOOK),
                Stream.of(new WebhookCalls(Duration.ofSeconds(1), true))).toList();
        List<Dispatcher> instances = List.of(
                new Dispatcher(subscriptions, feed, slowWebhooks, shortLease, Clock.systemUTC()),
                new Dispatcher(subscriptions, feed, slowWebhooks, shortLease, Clock.systemUTC()));
        // Only the two instances deliver: this context's own would hold the subscription for its 1 min lease.
        dispatcher.stop();
        try (WebhookReceiver receiver = new WebhookReceiver(true, Duration.ofMillis(300))) {
            register(agency, receiver.url()).expectStatus().isCreated();
            Map<String, List<String>> publishedPerComplaint = new LinkedHashMap<>();
            for (int i = 0; i < 10; i++) {
                EventEnvelope<ComplaintRouted> routed = RoutingSteps.routedTo(agency);
                EventEnvelope<ComplaintRouted> forwarded = RoutingSteps.forwarded(routed.subject(), RoutingSteps.freshAgency(), agency, 1);
                publishedPerComplaint.put(routed.subject(), List.of(routed.id(), forwarded.id()));
            }
            // The whole backlog is in the feed before delivery starts: one batch, longer than the lease.
            RoutingSteps.awaitFeedsCaughtUp();
            Disposable rounds = Flux.fromIterable(instances)
                    .flatMap(instance -> Flux.interval(Duration.ofMillis(100)).onBackpressureDrop()
                            .concatMap(tick -> instance.round(), 1))
                    .subscribe();
            try {
                await().atMost(PATIENCE).until(() -> receiver.deliveries().size() >= 20);
                // Until no call came for 3 s: long enough for an expired lease to be taken over and the batch sent again.
                AtomicInteger callsSoFar = new AtomicInteger();
                await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(3))
                        .until(() -> callsSoFar.getAndSet(receiver.calls().size()) == receiver.calls().size());
            } finally {
                rounds.dispose();
            }

            List<WebhookReceiver.Call> deliveries = receiver.deliveries();
            assertThat(deliveries).extracting(call -> call.header("X-Aduan-Sequence"))
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).mapToObj(Integer::toString).toList());
            assertThat(receiver.mostAtOnce()).isEqualTo(1);
            List<String> delivered = deliveries.stream().map(call -> call.header("X-Aduan-Delivery")).toList();
            publishedPerComplaint.forEach((complaint, ids) -> assertThat(delivered).as("complaint %s", complaint)
                    .containsSubsequence(ids));
        } finally {
            dispatcher.start();
        }
    }

    @Test
    void aWebhookStartsWithWhatIsRoutedAfterItsRegistration() {
        String agency = RoutingSteps.freshAgency();
        RoutingSteps.routedTo(agency);
        RoutingSteps.awaitFeedsCaughtUp();
        try (WebhookReceiver receiver = new WebhookReceiver(true)) {
            register(agency, receiver.url()).expectStatus().isCreated();
            EventEnvelope<ComplaintRouted> later = RoutingSteps.routedTo(agency);
            await().atMost(PATIENCE).until(() -> !receiver.deliveries().isEmpty());
            RoutingSteps.awaitFeedsCaughtUp();
            assertThat(receiver.deliveries()).extracting(call -> call.header("X-Aduan-Delivery")).containsExactly(later.id());
            assertThat(receiver.deliveries()).extracting(call -> call.header("X-Aduan-Sequence")).containsExactly("2");
        }
    }

    @Test
    void theWarningAndTheBreachOfTheAgencysFollowUpClockReachItsWebhookSignedAndItsTopic() throws Exception {
        String agency = RoutingSteps.freshAgency();
        try (WebhookReceiver receiver = new WebhookReceiver(true)) {
            String secret = register(agency, receiver.url()).expectStatus().isCreated()
                    .expectBody(JsonNode.class).returnResult().getResponseBody().get("secret").asText();
            EventEnvelope<ComplaintRouted> routed = RoutingSteps.routedTo(agency);
            String clock = UUID.randomUUID().toString();
            EventEnvelope<SlaClockWarning> warning = RoutingSteps.warned(routed.subject(), clock, ClockKind.FOLLOW_UP, agency);
            EventEnvelope<SlaClockBreached> breach = RoutingSteps.breached(routed.subject(), clock, ClockKind.FOLLOW_UP, agency);

            await().atMost(PATIENCE).until(() -> receiver.deliveries().size() >= 3);
            RoutingSteps.awaitFeedsCaughtUp();

            List<WebhookReceiver.Call> deliveries = receiver.deliveries();
            assertThat(deliveries).extracting(call -> call.header("X-Aduan-Sequence")).containsExactly("1", "2", "3");
            assertThat(deliveries).extracting(call -> call.header("X-Aduan-Delivery"))
                    .containsExactly(routed.id(), warning.id(), breach.id());
            assertThat(CloudEventCodec.decode(deliveries.get(2).body())).isEqualTo(breach);
            for (WebhookReceiver.Call call : deliveries) {
                assertThat(signatureMatches(secret, call)).isTrue();
            }

            await().atMost(PATIENCE).until(() -> subscriptions.find(agency, Subscriptions.topicId(agency))
                    .map(topic -> topic.deliveredUpTo() >= 3).blockOptional(PATIENCE).orElse(false));
            try (TopicWatcher topic = TopicWatcher.watch(SubscriptionTest.TOPIC_PREFIX + agency)) {
                assertThat(topic.awaitEvent(SlaClockWarning.class, routed.subject(), PATIENCE)).isEqualTo(warning);
                assertThat(topic.awaitEvent(SlaClockBreached.class, routed.subject(), PATIENCE)).isEqualTo(breach);
            }
        }
    }

    @Test
    void anAgencyListsAndRemovesItsWebhooksWithoutEverSeeingTheSecretAgain() {
        String agency = RoutingSteps.freshAgency();
        String id = register(agency, "https://hooks.example.org/aduan").expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();

        list(agency, issuer.agency(agency)).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].id").isEqualTo(id)
                .jsonPath("$[0].url").isEqualTo("https://hooks.example.org/aduan")
                .jsonPath("$[0].secret").doesNotExist()
                .jsonPath("$[0].delivery.deliveredUpTo").isEqualTo(0);
        list(agency, issuer.coordinator()).expectStatus().isOk();

        delete(agency, id, issuer.agency(agency)).expectStatus().isNoContent();
        delete(agency, id, issuer.agency(agency)).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        list(agency, issuer.agency(agency)).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void onlyTheAgencyItselfManagesItsWebhooks() {
        String agency = RoutingSteps.freshAgency();
        String other = RoutingSteps.freshAgency();
        String id = register(agency, "https://hooks.example.org/aduan").expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();

        for (String token : List.of(issuer.agency(other), issuer.coordinator(), issuer.citizen(), issuer.ombudsman())) {
            post(agency, token, Map.of("url", "https://hooks.example.org/other")).expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            delete(agency, id, token).expectStatus().isForbidden();
        }
        list(agency, issuer.agency(other)).expectStatus().isForbidden();
        // Another agency's webhook is not found under one's own code either.
        delete(other, id, issuer.agency(other)).expectStatus().isNotFound();
        list(agency, issuer.agency(agency)).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void aUrlThatIsNotAnHttpUrlIsRefusedNamingTheFieldAndNothingIsRegistered() {
        String agency = RoutingSteps.freshAgency();
        for (Object body : List.of(Map.of("url", "ftp://hooks.example.org/aduan"), Map.of("url", "not a url"),
                Map.of("url", "/relative/path"), Map.of("url", "https://user:password@hooks.example.org/"),
                Map.of("url", ""), Map.of())) {
            post(agency, issuer.agency(agency), body).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("url");
        }
        list(agency, issuer.agency(agency)).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    private WebTestClient.ResponseSpec register(String agency, String url) {
        return post(agency, issuer.agency(agency), Map.of("url", url));
    }

    private WebTestClient.ResponseSpec post(String agency, String token, Object body) {
        return http.post().uri("/api/v1/agencies/{code}/webhooks", agency)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec list(String agency, String token) {
        return http.get().uri("/api/v1/agencies/{code}/webhooks", agency)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }

    private WebTestClient.ResponseSpec delete(String agency, String id, String token) {
        return http.delete().uri("/api/v1/agencies/{code}/webhooks/{id}", agency, id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }

    private JsonNode status(String agency, String id) {
        return http.get().uri("/api/v1/agencies/{code}/webhooks/{id}", agency, id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + issuer.agency(agency))
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("delivery");
    }

    /** What a receiver does (docs/subscriptions.md): HMAC-SHA256 of the body received, compared in constant time. */
    private static boolean signatureMatches(String secret, WebhookReceiver.Call call) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(call.body()));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                call.header("X-Aduan-Signature").getBytes(StandardCharsets.US_ASCII));
    }
}
