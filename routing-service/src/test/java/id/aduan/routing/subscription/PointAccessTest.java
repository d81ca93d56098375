package id.aduan.routing.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.Classification;
import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.ComplaintVerified;
import id.aduan.contracts.EventEnvelope;
import id.aduan.platform.events.EventPublisher;
import id.aduan.platform.testing.ScanCountingMongo;
import id.aduan.routing.correction.RouteCorrections;
import id.aduan.routing.history.DecisionLog;
import id.aduan.routing.lifecycle.ComplaintLifecycle;
import id.aduan.routing.reference.ReferenceData;
import id.aduan.routing.route.RouteNewComplaints;
import id.aduan.routing.rules.RuleBook;
import id.aduan.routing.subscription.delivery.Attempt;
import id.aduan.routing.subscription.delivery.DeliveryTarget;
import id.aduan.routing.subscription.delivery.Dispatcher;
import id.aduan.routing.subscription.delivery.Lease;
import id.aduan.routing.subscription.delivery.Subscription;
import id.aduan.routing.subscription.delivery.Subscriptions;
import id.aduan.routing.subscription.feed.AgencyFeed;
import id.aduan.routing.subscription.feed.FeedEntry;
import id.aduan.testkit.Complaints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/**
 * Routing a complaint and feeding its step to the agency read no collection whole on the stand-in
 * (docs/routing.md, "Hot path"), however many complaints came before: every access is by
 * {@code _id} or by exactly the fields of a unique index.
 */
class PointAccessTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    /** Verified with the category submitted: no second step. */
    static final String AS_SUBMITTED = "INFRA.ROAD";
    /** Submitted as a road, corrected at verification to e-KTP: re-routed from the city's roads office to its Dukcapil. */
    private static final String CORRECTED_CATEGORY = "ADMINDUK.ID_CARD";

    private final List<ProducerRecord<String, byte[]>> sent = new CopyOnWriteArrayList<>();

    @Test
    void routingAComplaintFollowingItsLifeAndFeedingItsStepReadNoCollectionWhole() {
        try (ScanCountingMongo mongo = ScanCountingMongo.start();
                AnnotationConfigApplicationContext routing = routing(mongo.database("aduan-routing"))) {
            String agency = handle(routing, ComplaintIds.next(), CORRECTED_CATEGORY).agencyCode();
            routing.getBean(Subscriptions.class).registerWebhook(agency, "https://example.org/aduan", "secret", "agency-admin")
                    .block(WAIT);
            for (int i = 0; i < 50; i++) {
                handle(routing, ComplaintIds.next(), CORRECTED_CATEGORY);
            }
            mongo.forgetScans();

            ComplaintRouted step = handle(routing, ComplaintIds.next(), CORRECTED_CATEGORY);

            assertThat(step.agencyCode()).isEqualTo(agency);
            assertThat(mongo.scans()).isEmpty();
        }
    }

    @Test
    void theDispatcherLooksForWorkOnlyAmongSubscriptionsWithSomethingToDeliver() {
        try (ScanCountingMongo mongo = ScanCountingMongo.start();
                AnnotationConfigApplicationContext routing = routing(mongo.database("aduan-routing"))) {
            Dispatcher dispatcher = new Dispatcher(routing.getBean(Subscriptions.class), routing.getBean(AgencyFeed.class),
                    List.of(deliversAll(Subscription.Kind.TOPIC), deliversAll(Subscription.Kind.WEBHOOK)),
                    new SubscriptionSettings.Delivery(Duration.ofMillis(500), Duration.ofMinutes(1), 8, 100, Duration.ofSeconds(1),
                            Duration.ofMinutes(10)), Clock.systemUTC());
            for (int i = 0; i < 20; i++) {
                handle(routing, ComplaintIds.next(), AS_SUBMITTED);
            }
            mongo.forgetScans();

            assertThat(dispatcher.round().block(WAIT)).isEqualTo(20);

            assertThat(mongo.scans()).isNotEmpty().allSatisfy(scan -> assertThat(scan).startsWith("agency-subscriptions-due "));
            assertThat(dispatcher.round().block(WAIT)).isZero();
        }
    }

    /** A target that takes every entry offered. */
    private static DeliveryTarget deliversAll(Subscription.Kind kind) {
        return new DeliveryTarget() {
            @Override
            public Subscription.Kind kind() {
                return kind;
            }

            @Override
            public Mono<Attempt> deliver(Subscription subscription, List<FeedEntry> entries, Lease lease) {
                return Mono.just(new Attempt(entries.get(entries.size() - 1).sequence(), null, null));
            }
        };
    }

    /**
     * What routing does with one complaint's submission, its verification (in which a coordinator may
     * correct the category, so that routing takes a second step) and its latest step on aduan.routing.
     */
    ComplaintRouted handle(AnnotationConfigApplicationContext routing, String complaintId, String verifiedCategory) {
        RouteNewComplaints route = routing.getBean(RouteNewComplaints.class);
        RouteCorrections corrections = routing.getBean(RouteCorrections.class);
        ComplaintLifecycle lifecycle = routing.getBean(ComplaintLifecycle.class);
        Instant now = Instant.now();
        EventEnvelope<?> submitted = Complaints.envelope(Complaints.submitted(complaintId, null, now));
        route.on(submitted).then(lifecycle.on(submitted)).block(WAIT);
        EventEnvelope<?> verified = Complaints.envelope(new ComplaintVerified(complaintId, Classification.ASPIRATION,
                verifiedCategory, false, false, now, "32.73.01", "coordinator"));
        corrections.on(verified).then(lifecycle.on(verified)).block(WAIT);
        EventEnvelope<?> step = CloudEventCodec.decode(sent.get(sent.size() - 1).value());
        routing.getBean(FeedRoutingEvents.class).on(step).block(WAIT);
        return (ComplaintRouted) step.data();
    }

    @SuppressWarnings("unchecked")
    AnnotationConfigApplicationContext routing(MongoDatabase database) {
        KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(call -> {
            sent.add(call.getArgument(0));
            return CompletableFuture.completedFuture(null);
        });
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(MongoDatabase.class, () -> database);
        context.registerBean(EventPublisher.class, () -> new EventPublisher(kafka, "routing-service", headers -> { }));
        context.registerBean(Clock.class, Clock::systemUTC);
        context.registerBean(ReferenceData.class, ReferenceData::load);
        context.register(RuleBook.class, DecisionLog.class, RouteNewComplaints.class, RouteCorrections.class,
                ComplaintLifecycle.class, AgencyFeed.class,
                Subscriptions.class, FeedRoutingEvents.class);
        context.refresh();
        return context;
    }
}
