package id.aduan.reporting.complaints;

import static id.aduan.reporting.SampleEvents.followUpClock;
import static id.aduan.reporting.SampleEvents.routedToAgency;
import static id.aduan.reporting.SampleEvents.routedToCoordinators;
import static id.aduan.reporting.SampleEvents.submitted;
import static id.aduan.reporting.SampleEvents.verificationClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.Channel;
import id.aduan.contracts.ComplaintIds;
import id.aduan.reporting.SampleEvents;
import id.aduan.testkit.Infrastructure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The read model on the test infrastructure's MongoDB: the stand-in without Docker, real MongoDB with it. */
class ComplaintReadModelIT {

    private static final Instant SUBMITTED = Instant.parse("2025-03-03T02:00:00Z");
    private static final Instant QUEUED = SUBMITTED.plusSeconds(5);
    private static final Instant ROUTED = SUBMITTED.plusSeconds(3600);

    private static MongoClient client;
    private MongoDatabase database;
    private ComplaintReadModel readModel;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(Infrastructure.shared().mongoUri("reporting-read-model-it"));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void emptyReadModel() {
        database = client.getDatabase("reporting-read-model-it");
        Mono.from(database.drop()).block();
        readModel = new ComplaintReadModel(database);
        readModel.createIndexes();
    }

    /** Submitted, put in the coordinators' queue, clocked, then routed on to an agency, whose clock starts. */
    private static List<AduanEvent> history(String complaintId) {
        return List.of(
                submitted(complaintId, Channel.SMS, SUBMITTED),
                routedToCoordinators(complaintId, QUEUED),
                verificationClock(complaintId, QUEUED),
                routedToAgency(complaintId, "32.73.DPUPR", ROUTED),
                followUpClock(complaintId, "32.73.DPUPR", ROUTED));
    }

    @Test
    void theDocumentHoldsWhatEachEventOwnsWithTheLatestRoutingAndClockOfEachKind() {
        String id = ComplaintIds.next();
        history(id).forEach(this::apply);

        Document complaint = document(id);
        assertThat(complaint).containsEntry("channel", "SMS").containsEntry("categoryCode", "INFRA.ROAD")
                .containsEntry("regionCode", "32.73.01").containsEntry("submittedAt", Date.from(SUBMITTED))
                .containsEntry("destination", "AGENCY").containsEntry("agencyCode", "32.73.DPUPR")
                .containsEntry("routedAt", Date.from(ROUTED));
        Document clocks = complaint.get("clocks", Document.class);
        assertThat(clocks.keySet()).containsExactlyInAnyOrder("VERIFICATION", "FOLLOW_UP");
        assertThat(clocks.get("VERIFICATION", Document.class))
                .containsEntry("dueDate", "2025-03-06").containsEntry("workingDays", 3).containsEntry("agencyCode", null);
        assertThat(clocks.get("FOLLOW_UP", Document.class)).containsEntry("agencyCode", "32.73.DPUPR");
    }

    @Test
    void everyOrderOfTheEventsAppliedTwiceGivesTheSameDocument() {
        String id = ComplaintIds.next();
        List<AduanEvent> events = history(id);
        events.forEach(this::apply);
        Document expected = document(id);

        for (List<Integer> order : permutations(events.size())) {
            Mono.from(database.getCollection("complaints").deleteOne(Filters.eq("_id", id))).block();
            // Twice over, so that each event is also redelivered after the ones that followed it.
            for (int round = 0; round < 2; round++) {
                order.forEach(i -> apply(events.get(i)));
            }
            assertThat(document(id)).as("events applied in the order %s", order).isEqualTo(expected);
        }
    }

    @Test
    void figuresCountSubmittedComplaintsByTheirLatestRouting() {
        apply(submitted("ADU-00000000A1", Channel.WEB, SUBMITTED));
        apply(routedToAgency("ADU-00000000A1", "32.73.DPUPR", ROUTED));
        apply(submitted("ADU-00000000B2", Channel.SMS, SUBMITTED));
        apply(routedToCoordinators("ADU-00000000B2", QUEUED));
        apply(routedToAgency("ADU-00000000B2", "32.73.DUKCAPIL", ROUTED));
        apply(submitted("ADU-00000000C3", Channel.WEB, SUBMITTED));
        apply(routedToCoordinators("ADU-00000000C3", QUEUED));
        apply(submitted("ADU-00000000D4", Channel.WHATSAPP, SUBMITTED));
        // Routed, but its submission has not arrived: not counted anywhere yet.
        apply(routedToAgency("ADU-00000000E5", "32.73.DPUPR", ROUTED));

        assertThat(readModel.national().block()).isEqualTo(new NationalFigures(4, 2, 1, 1, 2,
                channels(Map.of(Channel.WEB, 2L, Channel.SMS, 1L, Channel.WHATSAPP, 1L))));
        assertThat(readModel.agency("32.73.DPUPR").block())
                .isEqualTo(new AgencyFigures("32.73.DPUPR", 1, channels(Map.of(Channel.WEB, 1L))));
        assertThat(readModel.agency("32.73.DUKCAPIL").block())
                .isEqualTo(new AgencyFigures("32.73.DUKCAPIL", 1, channels(Map.of(Channel.SMS, 1L))));
    }

    @Test
    void anEmptyReadModelGivesZeroForEveryFigure() {
        assertThat(readModel.national().block()).isEqualTo(new NationalFigures(0, 0, 0, 0, 0, channels(Map.of())));
        assertThat(readModel.agency("KEMENKES").block()).isEqualTo(new AgencyFigures("KEMENKES", 0, channels(Map.of())));
    }

    private void apply(AduanEvent event) {
        readModel.apply(ComplaintProjection.changeFor(event)).block();
    }

    private Document document(String complaintId) {
        return Mono.from(database.getCollection("complaints").find(Filters.eq("_id", complaintId)).first()).block();
    }

    private static Map<Channel, Long> channels(Map<Channel, Long> counted) {
        Map<Channel, Long> all = new EnumMap<>(Channel.class);
        Arrays.stream(Channel.values()).forEach(channel -> all.put(channel, counted.getOrDefault(channel, 0L)));
        return all;
    }

    private static List<List<Integer>> permutations(int size) {
        List<List<Integer>> all = new ArrayList<>();
        permute(new ArrayList<>(), size, all);
        return all;
    }

    private static void permute(List<Integer> prefix, int size, List<List<Integer>> all) {
        if (prefix.size() == size) {
            all.add(List.copyOf(prefix));
            return;
        }
        for (int i = 0; i < size; i++) {
            if (!prefix.contains(i)) {
                prefix.add(i);
                permute(prefix, size, all);
                prefix.remove(prefix.size() - 1);
            }
        }
    }
}
