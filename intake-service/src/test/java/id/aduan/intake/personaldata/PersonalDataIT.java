package id.aduan.intake.personaldata;

import static id.aduan.intake.OverHttp.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.intake.OverHttp;
import id.aduan.intake.OverHttp.Submitted;
import id.aduan.intake.Published;
import id.aduan.intake.StoredEvents;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Infrastructure;
import id.aduan.testkit.TopicWatcher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The reporter's identity (UU 27/2022): sealed with the reporter's own key before it is stored,
 * never on Kafka, in a view, a collection or a log in plain text; gone for good once the key is erased,
 * even after the views are rebuilt from the immutable event store.
 */
@AduanServiceTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataIT {

    private static final String DPUPR = "32.73.DPUPR";

    @Autowired
    WebTestClient http;

    @Autowired
    EventProcessingConfiguration processors;

    private OverHttp intake;

    /** One person per test, so that what a test looks for can only come from that test. */
    private record Person(String name, String email, String phone, String nik, String handle) {

        static Person unique() {
            String digits = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits())).substring(0, 10);
            String word = "Wulan" + digits.substring(0, 6);
            return new Person(word + " Sekarsari", word.toLowerCase() + "@example.id", "+6285" + digits,
                    "3273" + digits + "00", word.toLowerCase());
        }

        String reporterJson() {
            return "{\"name\":\"%s\",\"email\":\"%s\",\"phone\":\"%s\",\"nik\":\"%s\"}".formatted(name, email, phone, nik);
        }

        /** Everything that would give the person away, as written anywhere: the phone also as 62... and 08... */
        List<String> traces() {
            return List.of(name, name.substring(0, name.indexOf(' ')), email, phone.substring(3), nik, handle);
        }
    }

    @BeforeEach
    void setUp() {
        intake = new OverHttp(http);
    }

    private static String complaint(Person person, boolean anonymous, boolean confidential) {
        return """
                {"title":"Pungutan liar di kelurahan","description":"Petugas meminta uang untuk surat pengantar.",
                 "categoryCode":"INFRA.ROAD","location":{"regionCode":"32.73.01"},"anonymous":%s,"confidential":%s,
                 "reporter":%s}""".formatted(anonymous, confidential, person.reporterJson());
    }

    @Test
    void theIdentityIsInNoTopicNoCollectionAndNoLogInPlainText(CapturedOutput logs) {
        Person person = Person.unique();
        List<String> ids = new ArrayList<>();
        ids.add(intake.submit(complaint(person, false, false)).trackingId());
        ids.add(submitted(intake.post("/api/v1/channels/manual", TOKENS.coordinator(), """
                {"channel":"WHATSAPP","receivedAt":"%s","title":"Lampu jalan mati","description":"Sudah seminggu.",
                 "categoryCode":"INFRA.ROAD","location":{"regionCode":"32.73.01"},"reporter":%s}"""
                .formatted(Instant.now().minusSeconds(3600), person.reporterJson()))));
        ids.add(submitted(intake.post("/api/v1/channels/sms", TOKENS.coordinator(), """
                {"messageId":"%s","from":"%s","text":"Jalan berlubang #32.73.01","receivedAt":"%s"}"""
                .formatted(UUID.randomUUID(), person.phone(), Instant.now()))));
        ids.add(submitted(intake.post("/api/v1/channels/social-media", TOKENS.coordinator(), """
                {"postId":"%s","kind":"MENTION","authorHandle":"@%s","text":"@lapor1708 Sampah menumpuk","createdAt":"%s"}"""
                .formatted(UUID.randomUUID(), person.handle(), Instant.now()))));
        ids.add((String) http.post().uri("/open311/v2/requests.json").headers(h -> h.setBearerAuth(TOKENS.citizen()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("service_code=INFRA.ROAD&description=Jalan+rusak&attribute[region_code]=32.73.01&first_name="
                        + person.name().replace(' ', '+') + "&email=" + person.email() + "&phone=" + person.phone().replace("+", "%2B"))
                .exchange().expectStatus().isCreated()
                .expectBody(List.class).returnResult().getResponseBody().stream()
                .map(request -> ((Map<?, ?>) request).get("service_request_id")).findFirst().orElseThrow());
        // A refused submission must not log what it refused either.
        intake.post("/api/v1/complaints", TOKENS.citizen(), complaint(person, false, false).replace(person.nik(), person.nik() + "9"))
                .expectStatus().isBadRequest();
        ids.forEach(id -> intake.awaitView(id, "\"status\""));

        assertNoTraceOnAnyTopic(person, ids);
        assertNoTraceInMongo(person);
        // The event store, in PostgreSQL, as text: the identity is there, sealed.
        assertThat(StoredEvents.asText()).allSatisfy(event -> assertThat(event).doesNotContain(person.traces()));
        assertThat(StoredEvents.asText(ids.get(0)).get(0)).contains("ciphertext", "Pungutan liar di kelurahan");
        assertThat(logs.getAll()).doesNotContain(person.traces());
    }

    @Test
    void eachComplaintHasItsOwnReferenceSoServicesCannotLinkOnePersonsComplaints() {
        Person person = Person.unique();
        String first = intake.submit(complaint(person, false, false)).trackingId();
        String second = intake.submit(complaint(person, true, false)).trackingId();

        assertThat(Published.submitted(first).reporterRef()).isNotEqualTo(Published.submitted(second).reporterRef());
    }

    @Test
    void eachRoleSeesOnlyWhatItNeedsOfTheReporter() {
        Person person = Person.unique();
        Submitted named = intake.submit(complaint(person, false, false));
        OverHttp.routeTo(named.trackingId(), DPUPR);
        intake.awaitView(named.trackingId(), "\"assignedAgencyCode\"");

        intake.track(named.trackingId(), TOKENS.coordinator(), null).expectStatus().isOk().expectBody()
                .jsonPath("$.reporter.status").isEqualTo("IDENTIFIED")
                .jsonPath("$.reporter.name").isEqualTo(person.name())
                .jsonPath("$.reporter.email").isEqualTo(person.email())
                .jsonPath("$.reporter.phone").isEqualTo(person.phone())
                .jsonPath("$.reporter.nik").isEqualTo(person.nik())
                .jsonPath("$.reporter.reporterRef").value(ref -> assertThat((String) ref).startsWith("rep-"));
        for (String nameOnly : List.of(TOKENS.agency(DPUPR), TOKENS.ombudsman())) {
            intake.track(named.trackingId(), nameOnly, null).expectStatus().isOk().expectBody()
                    .jsonPath("$.reporter.name").isEqualTo(person.name())
                    .jsonPath("$.reporter.email").doesNotExist()
                    .jsonPath("$.reporter.phone").doesNotExist()
                    .jsonPath("$.reporter.nik").doesNotExist()
                    .jsonPath("$.reporter.reporterRef").doesNotExist();
        }
        assertThat(body(intake.track(named.trackingId(), TOKENS.agency("32.73.DINKES"), null))).doesNotContain(person.traces());
        assertThat(body(intake.track(named.trackingId(), null, null))).doesNotContain(person.traces()).doesNotContain("\"reporter\"");
        intake.track(named.trackingId(), null, named.secret()).expectStatus().isOk().expectBody()
                .jsonPath("$.reporter.email").isEqualTo(person.email());

        Submitted anonim = intake.submit(complaint(person, true, false));
        intake.awaitView(anonim.trackingId(), "\"status\"");
        for (String token : List.of(TOKENS.coordinator(), TOKENS.ombudsman(), TOKENS.citizen())) {
            String view = body(intake.track(anonim.trackingId(), token, null));
            assertThat(view).contains("\"reporter\":{\"status\":\"ANONYMOUS\"}").doesNotContain(person.traces());
        }
        intake.track(anonim.trackingId(), null, anonim.secret()).expectStatus().isOk().expectBody()
                .jsonPath("$.reporter.name").isEqualTo(person.name());
    }

    @Test
    void anErasedReporterIsUnrecoverableEvenFromTheRebuiltViewsWhileTheirComplaintsCarryOn() {
        Person person = Person.unique();
        Submitted first = intake.submit(complaint(person, false, true));
        // The same person again, known by their email only: one key covers both.
        Submitted second = intake.submit(complaint(new Person("Bu " + person.name(), person.email(), "+6281100000000",
                "3273010101010001", person.handle()), false, false));
        intake.awaitView(first.trackingId(), "\"status\"");
        intake.awaitView(second.trackingId(), "\"status\"");
        String reporterRef = ref(first.trackingId());

        erase(reporterRef, "Pelapor datang dengan email " + person.email()).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("verification");
        intake.track(first.trackingId(), TOKENS.coordinator(), null).expectBody().jsonPath("$.reporter.status").isEqualTo("IDENTIFIED");

        String erasure = body(erase(reporterRef, "KTP diperiksa di loket Diskominfo, tiket 2026-117").expectStatus().isOk());
        assertThat(erasure).contains("\"status\":\"ERASED\"", "\"complaints\":2", "\"erasedBy\":\"coordinator\"",
                "\"reporterRef\":\"" + reporterRef + "\"").doesNotContain(person.traces());
        assertThat(body(erase(reporterRef, "diulang").expectStatus().isOk())).isEqualTo(erasure);

        for (Submitted complaint : List.of(first, second)) {
            intake.track(complaint.trackingId(), TOKENS.coordinator(), null).expectBody().jsonPath("$.reporter.status").isEqualTo("ERASED");
            intake.track(complaint.trackingId(), null, complaint.secret()).expectBody().jsonPath("$.reporter.status").isEqualTo("ERASED");
        }

        // Everything else works on: the lifecycle, the reporter's secret, the views.
        intake.verify(first.trackingId(), false, true);
        OverHttp.routeTo(first.trackingId(), DPUPR);
        intake.post("/api/v1/complaints/" + first.trackingId() + "/follow-ups", TOKENS.agency(DPUPR), "{\"text\":\"Petugas ditegur.\"}")
                .expectStatus().isOk();

        rebuildTheTrackingViews();
        intake.awaitView(first.trackingId(), "\"FOLLOWED_UP\"");
        intake.awaitView(second.trackingId(), "\"status\"");
        intake.track(first.trackingId(), TOKENS.coordinator(), null).expectBody()
                .jsonPath("$.reporter").isEqualTo(Map.of("status", "ERASED"))
                .jsonPath("$.status").isEqualTo("IN_PROCESS");
        intake.track(first.trackingId(), TOKENS.agency(DPUPR), null).expectBody().jsonPath("$.reporter.status").isEqualTo("ERASED");
        intake.track(first.trackingId(), null, first.secret()).expectStatus().isOk();
        assertNoTraceInMongo(person);
        try (MongoClient mongo = mongo()) {
            assertThat(mongo.getDatabase(AduanServiceTest.DATABASE).getCollection("reporter-keys")
                    .countDocuments(new Document("refs", reporterRef))).isZero();
        }

        // The person may complain again: a new key, nothing to do with the erased one.
        Submitted again = intake.submit(complaint(person, false, false));
        intake.awaitView(again.trackingId(), "\"status\"");
        intake.track(again.trackingId(), TOKENS.coordinator(), null).expectBody().jsonPath("$.reporter.email").isEqualTo(person.email());
    }

    @Test
    void onlyACoordinatorErasesAndOnlyAReporterThatExists() {
        Submitted complaint = intake.submit(complaint(Person.unique(), false, false));
        intake.awaitView(complaint.trackingId(), "\"status\"");
        String reporterRef = ref(complaint.trackingId());
        for (String token : List.of(TOKENS.citizen(), TOKENS.agency(DPUPR), TOKENS.ombudsman())) {
            intake.post(erasurePath(reporterRef), token, erasureBody("verified")).expectStatus().isForbidden();
        }
        erase("rep-" + UUID.randomUUID(), "verified").expectStatus().isNotFound();
        intake.post(erasurePath(reporterRef), TOKENS.coordinator(), "{\"verification\":\"\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat(fields).asInstanceOf(InstanceOfAssertFactories.LIST)
                        .contains("verification", "requestedAt"));
        intake.track(complaint.trackingId(), TOKENS.coordinator(), null).expectBody().jsonPath("$.reporter.status").isEqualTo("IDENTIFIED");
    }

    @Test
    void anErasureRecordedInTheEarlierShapeIsTheAnswerToARepeatedRequest() {
        String reporterRef = "rep-" + UUID.randomUUID();
        String linkedRef = "rep-" + UUID.randomUUID();
        try (MongoClient mongo = mongo()) {
            mongo.getDatabase(AduanServiceTest.DATABASE).getCollection("reporter-erasures").insertOne(
                    new Document("_id", "key-" + UUID.randomUUID()).append("reporterRef", reporterRef)
                            .append("keys", List.of("key-a", "key-b")).append("refs", List.of(reporterRef, linkedRef))
                            .append("complaints", 2).append("erasedBy", "coordinator")
                            .append("erasedAt", "2026-05-04T03:02:01.123456Z").append("requestedAt", "2026-05-01T00:00:00Z")
                            .append("verification", "KTP diperiksa di loket"));
        }

        erase(linkedRef, "diulang").expectStatus().isOk().expectBody()
                .jsonPath("$.reporterRef").isEqualTo(reporterRef)
                .jsonPath("$.status").isEqualTo("ERASED")
                .jsonPath("$.complaints").isEqualTo(2)
                .jsonPath("$.erasedBy").isEqualTo("coordinator")
                .jsonPath("$.erasedAt").isEqualTo("2026-05-04T03:02:01.123456Z")
                .jsonPath("$.requestedAt").isEqualTo("2026-05-01T00:00:00Z")
                .jsonPath("$.verification").isEqualTo("KTP diperiksa di loket");
    }

    @Test
    void anErasureIsRecordedUnderTheFieldNamesAndTypesItHadBefore() {
        Submitted complaint = intake.submit(complaint(Person.unique(), false, false));
        intake.awaitView(complaint.trackingId(), "\"status\"");
        String reporterRef = ref(complaint.trackingId());
        erase(reporterRef, "KTP diperiksa di loket").expectStatus().isOk();

        try (MongoClient mongo = mongo()) {
            Document recorded = mongo.getDatabase(AduanServiceTest.DATABASE).getCollection("reporter-erasures")
                    .find(new Document("refs", reporterRef)).first();
            assertThat(recorded.keySet()).containsExactlyInAnyOrder("_id", "reporterRef", "keys", "refs", "complaints",
                    "erasedBy", "erasedAt", "requestedAt", "verification");
            assertThat(recorded.getList("keys", String.class)).containsExactly(recorded.getString("_id"));
            assertThat(recorded.getList("refs", String.class)).containsExactly(reporterRef);
            assertThat(recorded.get("complaints")).isEqualTo(1);
            assertThat(Instant.parse(recorded.getString("erasedAt"))).isBeforeOrEqualTo(Instant.now());
            assertThat(Instant.parse(recorded.getString("requestedAt"))).isBefore(Instant.parse(recorded.getString("erasedAt")));
        }
    }

    private WebTestClient.ResponseSpec erase(String reporterRef, String verification) {
        return intake.post(erasurePath(reporterRef), TOKENS.coordinator(), erasureBody(verification));
    }

    private static String erasurePath(String reporterRef) {
        return "/api/v1/reporters/" + reporterRef + "/erasure";
    }

    private static String erasureBody(String verification) {
        return "{\"verification\":\"%s\",\"requestedAt\":\"%s\"}".formatted(verification, Instant.now().minusSeconds(86_400));
    }

    private String ref(String trackingId) {
        Map<?, ?> view = intake.track(trackingId, TOKENS.coordinator(), null).expectBody(Map.class).returnResult().getResponseBody();
        return (String) ((Map<?, ?>) view.get("reporter")).get("reporterRef");
    }

    private static String submitted(WebTestClient.ResponseSpec response) {
        return (String) response.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("trackingId");
    }

    private static String body(WebTestClient.ResponseSpec response) {
        return response.expectBody(String.class).returnResult().getResponseBody();
    }

    /** What an operator does to rebuild a view: reset its processor, which replays the whole event store. */
    private void rebuildTheTrackingViews() {
        StreamingEventProcessor tracking = processors.eventProcessor("complaint-tracking", StreamingEventProcessor.class).orElseThrow();
        tracking.shutDown();
        tracking.resetTokens();
        tracking.start();
    }

    /** Every document of every collection of intake's database, as JSON. */
    private static void assertNoTraceInMongo(Person person) {
        try (MongoClient mongo = mongo()) {
            MongoDatabase database = mongo.getDatabase(AduanServiceTest.DATABASE);
            for (String collection : database.listCollectionNames()) {
                for (Document document : database.getCollection(collection).find()) {
                    assertThat(document.toJson()).as(collection).doesNotContain(person.traces());
                }
            }
        }
    }

    /** Every record of every topic on the broker, read from the start until each complaint's submission was seen. */
    private static void assertNoTraceOnAnyTopic(Person person, List<String> trackingIds) {
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers()))) {
            topics = admin.listTopics().names().get();
        } catch (Exception e) {
            throw new AssertionError("cannot list the topics", e);
        }
        assertThat(topics).contains("aduan.complaints");
        Set<String> published = new HashSet<>();
        List<String> leaks = new ArrayList<>();
        try (TopicWatcher everything = TopicWatcher.watch(topics.toArray(String[]::new))) {
            everything.awaitRecord(record -> {
                String value = new String(record.value(), StandardCharsets.UTF_8);
                person.traces().stream().filter(value::contains).forEach(trace -> leaks.add(record.topic() + ": " + trace));
                if (record.topic().equals("aduan.complaints") && trackingIds.contains(record.key())
                        && CloudEventCodec.decode(record.value()).data() instanceof ComplaintSubmitted) {
                    published.add(record.key());
                }
                return published.containsAll(trackingIds);
            }, Duration.ofSeconds(60));
        }
        assertThat(leaks).isEmpty();
    }

    private static MongoClient mongo() {
        return MongoClients.create(Infrastructure.shared().mongoUri(AduanServiceTest.DATABASE));
    }
}
