package id.aduan.intake.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.Topic;
import id.aduan.intake.IntakeApplication;
import id.aduan.testkit.AnotherInstance;
import id.aduan.testkit.Infrastructure;
import id.aduan.testkit.InfrastructureContextCustomizerFactory;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWatcher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two intake instances on one event store and one broker, as in production, taking submissions
 * side by side: every event stored is on aduan.complaints exactly once, whichever instance stored it
 * and whichever publishes, and each holds half of every processor's segments. Both instances have a PostgreSQL and a MongoDB database of their own,
 * shared by the two and by no other test, so the store holds only this test's events.
 */
class TwoInstancesIT {

    private static final int COMPLAINTS = 300;
    private static final int CONCURRENT_REQUESTS = 8;
    private static final String DATABASE = "aduan_two_instances";

    private static final Logger log = LoggerFactory.getLogger(TwoInstancesIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<AnotherInstance> instances = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoInstances() {
        Map<String, Object> shared = new HashMap<>(InfrastructureContextCustomizerFactory.dataSource(DATABASE));
        shared.put("spring.data.mongodb.uri", Infrastructure.shared().mongoUri("aduan-two-instances"));
        instances.add(AnotherInstance.start(IntakeApplication.class, shared));
        instances.add(AnotherInstance.start(IntakeApplication.class, shared));
    }

    @AfterAll
    static void stopThem() {
        instances.forEach(AnotherInstance::close);
    }

    @Test
    void everyStoredEventIsPublishedExactlyOnceWhileTwoInstancesTakeSubmissions() throws Exception {
        String marker = UUID.randomUUID().toString();
        long started = System.nanoTime();
        List<String> trackingIds = submitSpreadOverBoth(marker);
        long answered = System.nanoTime();
        assertThat(trackingIds).hasSize(COMPLAINTS).doesNotHaveDuplicates();

        Map<String, Long> publishedTimes;
        try (TopicWatcher complaints = TopicWatcher.watch(Topic.COMPLAINTS)) {
            Set<String> submitted = ConcurrentHashMap.newKeySet();
            complaints.awaitRecord(record -> {
                if (CloudEventCodec.decode(record.value()).data() instanceof ComplaintSubmitted event
                        && event.description().contains(marker)) {
                    submitted.add(event.complaintId());
                }
                return submitted.containsAll(trackingIds);
            }, Duration.ofSeconds(120));
            // Measured, not asserted: how the publisher keeps up (docs/architecture.md).
            log.info("{} complaints submitted over two instances in {} ms; all published {} ms after the last answer",
                    COMPLAINTS, (answered - started) / 1_000_000, (System.nanoTime() - answered) / 1_000_000);
            // A little longer, so that an event published twice would be seen twice.
            publishedTimes = complaints.events(Duration.ofSeconds(3)).stream()
                    .collect(Collectors.groupingBy(EventEnvelope::id, Collectors.counting()));
        }

        List<String> stored = storedEventIds();
        assertThat(stored).hasSizeGreaterThanOrEqualTo(COMPLAINTS);
        Map<String, Long> timesOfStored = stored.stream()
                .collect(Collectors.toMap(Function.identity(), id -> publishedTimes.getOrDefault(id, 0L)));
        assertThat(timesOfStored).as("times each stored event is on aduan.complaints").allSatisfy((id, times) ->
                assertThat(times).as(id).isEqualTo(1L));
    }

    /** Each processor's 4 segments end up 2 and 2: the instance up first lets the second take its share. */
    @Test
    void theTwoInstancesShareEveryProcessorsSegments() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (String processor : List.of(LifecyclePublisher.PROCESSING_GROUP, "complaint-tracking", "complaint-inbox",
                    "reporter-notifications")) {
                assertThat(instances).as(processor).extracting(instance -> instance.bean(EventProcessingConfiguration.class)
                                .eventProcessor(processor, StreamingEventProcessor.class).orElseThrow().processingStatus().size())
                        .containsExactly(2, 2);
            }
        });
    }

    /** Submits from several clients at once, alternating the instance, and returns the tracking ids. */
    private List<String> submitSpreadOverBoth(String marker) throws Exception {
        String token = TestIssuer.shared().citizen();
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT_REQUESTS);
        try {
            List<Future<String>> answers = IntStream.range(0, COMPLAINTS)
                    .mapToObj(i -> clients.submit(() -> submit(instances.get(i % 2), token, marker + " #" + i)))
                    .toList();
            List<String> trackingIds = new ArrayList<>();
            for (Future<String> answer : answers) {
                trackingIds.add(answer.get());
            }
            return trackingIds;
        } finally {
            clients.shutdown();
        }
    }

    private String submit(AnotherInstance instance, String token, String description) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + instance.port() + "/api/v1/complaints"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"title":"Lampu jalan mati","description":"%s","categoryCode":"INFRA.ROAD",
                         "location":{"regionCode":"32.73.01"}}""".formatted(description)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body()).get("trackingId").asText();
    }

    private static List<String> storedEventIds() throws SQLException {
        Infrastructure infrastructure = Infrastructure.shared();
        List<String> ids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(infrastructure.jdbcUrl(DATABASE),
                infrastructure.jdbcUsername(), infrastructure.jdbcPassword());
             Statement sql = connection.createStatement();
             ResultSet events = sql.executeQuery("SELECT event_identifier FROM domain_event_entry ORDER BY global_index")) {
            while (events.next()) {
                ids.add(events.getString(1));
            }
        }
        return ids;
    }
}
