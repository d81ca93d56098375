package id.aduan.intake.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.contracts.Channel;
import id.aduan.contracts.ComplaintAssigned;
import id.aduan.contracts.ComplaintCompleted;
import id.aduan.contracts.ComplaintFollowedUp;
import id.aduan.contracts.ComplaintMarkedComplete;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.ComplaintVerified;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.Topic;
import id.aduan.intake.Published;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@AduanServiceTest
class ImportIT {

    private static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient http;

    @Test
    void historiesAreImportedOnceWithTheirOriginalTimes() {
        String batch = UUID.randomUUID().toString();
        String file = String.join("\n", history(batch + "-1", "2019-03-02T02:00:00Z"),
                history(batch + "-2", "2019-03-06T02:00:00Z"), // routed after its follow-up
                history(batch + "-3", "2019-03-02T02:00:00Z")) + "\n";

        JsonNode first = post(JSON_LINES, file, TestIssuer.shared().coordinator()).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(first.get("imported").asInt()).isEqualTo(2);
        assertThat(first.get("rejected").asInt()).isEqualTo(1);
        JsonNode lines = first.get("lines");
        assertThat(lines.get(1).get("line").asInt()).isEqualTo(2);
        assertThat(lines.get(1).get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(lines.get(1).get("errors").get(0).get("field").asText()).isEqualTo("followUps[0].at");
        String one = lines.get(0).get("trackingId").asText();
        String three = lines.get(2).get("trackingId").asText();

        List<EventEnvelope<?>> published;
        try (TopicWatcher complaints = TopicWatcher.watch(Topic.COMPLAINTS)) {
            complaints.awaitEvent(ComplaintCompleted.class, one, WAIT);
            complaints.awaitEvent(ComplaintCompleted.class, three, WAIT);
            published = distinct(complaints.eventsAbout(one, Duration.ZERO));
        }
        assertThat(published).<Class<?>>extracting(event -> event.data().getClass()).containsExactly(ComplaintSubmitted.class,
                ComplaintVerified.class, ComplaintAssigned.class, ComplaintFollowedUp.class, ComplaintMarkedComplete.class,
                ComplaintCompleted.class);
        assertThat(published).extracting(EventEnvelope::time).map(Instant::toString).containsExactly(
                "2019-03-01T01:00:00Z", "2019-03-01T03:00:00Z", "2019-03-02T02:00:00Z", "2019-03-05T02:00:00Z",
                "2019-03-09T02:00:00Z", "2019-03-09T02:00:00Z");
        ComplaintSubmitted submitted = (ComplaintSubmitted) published.get(0).data();
        assertThat(submitted.channel()).isEqualTo(Channel.LEGACY_APP);
        assertThat(submitted.receivedAt()).isEqualTo(submitted.submittedAt());

        post(JSON_LINES, file, TestIssuer.shared().coordinator()).expectStatus().isOk().expectBody()
                .jsonPath("$.imported").isEqualTo(0)
                .jsonPath("$.alreadyImported").isEqualTo(2)
                .jsonPath("$.lines[0].outcome").isEqualTo("ALREADY_IMPORTED")
                .jsonPath("$.lines[0].trackingId").isEqualTo(one)
                .jsonPath("$.lines[2].trackingId").isEqualTo(three);

        // The publisher follows the event store in order: once a history imported after the repeat
        // is on the topic, anything the repeat had stored would be there too.
        String sentinel = post(JSON_LINES, history(batch + "-4", "2019-03-02T02:00:00Z"), TestIssuer.shared().coordinator())
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .at("/lines/0/trackingId").asText();
        try (TopicWatcher complaints = TopicWatcher.watch(Topic.COMPLAINTS)) {
            complaints.awaitEvent(ComplaintCompleted.class, sentinel, WAIT);
            assertThat(distinct(complaints.eventsAbout(one, Duration.ZERO))).hasSize(6);
            assertThat(distinct(complaints.eventsAbout(three, Duration.ZERO))).hasSize(6);
        }
    }

    @Test
    void aCsvImportNamesTheColumnAtFault() {
        String legacyId = UUID.randomUUID().toString();
        String csv = """
                sourceApp,legacyId,title,description,categoryCode,regionCode,originalChannel,submittedAt,verifiedAt,classification,routedAt,agencyCode,followUp1At,followUp1Text
                Apekesah,%s,"Lampu jalan mati, gelap",Lampu di Jl. Sudirman mati,INFRA.LIGHTING,21.71,WEB,2020-01-06T01:00:00Z,2020-01-06T02:00:00Z,ASPIRATION,2020-01-07T02:00:00Z,21.71.DPUPR,2020-01-08T02:00:00Z,Sedang diperbaiki
                Apekesah,%s-x,Sampah,Sampah menumpuk,ENVIRONMENT,Batam,,2020-01-06T01:00:00Z,,,,,,
                Apekesah,%s-y,Sampah,Sampah menumpuk,ENVIRONMENT,94.71.01,,2020-01-06T01:00:00Z,,,,,,
                """.formatted(legacyId, legacyId, legacyId);
        post(MediaType.parseMediaType("text/csv"), csv, TestIssuer.shared().coordinator()).expectStatus().isOk().expectBody()
                .jsonPath("$.imported").isEqualTo(1)
                .jsonPath("$.lines[0].trackingId").value(id -> {
                    ComplaintSubmitted submitted = Published.submitted((String) id);
                    assertThat(submitted.title()).isEqualTo("Lampu jalan mati, gelap");
                    assertThat(submitted.submittedAt()).isEqualTo("2020-01-06T01:00:00Z");
                })
                .jsonPath("$.lines[1].outcome").isEqualTo("REJECTED")
                .jsonPath("$.lines[1].errors[0].field").isEqualTo("regionCode")
                .jsonPath("$.lines[2].outcome").isEqualTo("REJECTED")
                .jsonPath("$.lines[2].errors[0].field").isEqualTo("regionCode");
    }

    @Test
    void onlyCoordinatorsImport() {
        post(JSON_LINES, history(UUID.randomUUID().toString(), "2019-03-02T02:00:00Z"), TestIssuer.shared().citizen())
                .expectStatus().isForbidden();
    }

    @Test
    void anImportOverTheLimitOrOfAnotherTypeIsRefusedWhole() {
        // Refused before any line is read: these lines would not even be histories.
        String tooMany = IntStream.range(0, 10_001).mapToObj(i -> "{}").collect(Collectors.joining("\n"));
        post(JSON_LINES, tooMany, TestIssuer.shared().coordinator())
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("lines");
        post(MediaType.TEXT_PLAIN, "hello", TestIssuer.shared().coordinator())
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** Publishing is at least once (a replay republishes the same ids): count events as consumers do, by id. */
    private static List<EventEnvelope<?>> distinct(List<EventEnvelope<?>> events) {
        Set<String> seen = new HashSet<>();
        return events.stream().filter(event -> seen.add(event.id())).toList();
    }

    private WebTestClient.ResponseSpec post(MediaType type, String body, String token) {
        return http.post().uri(ImportEndpoint.PATH)
                .headers(h -> h.setBearerAuth(token))
                .contentType(type).bodyValue(body)
                .exchange();
    }

    /** A completed history from Batam's Apekesah, routed at the given time. */
    private static String history(String legacyId, String routedAt) {
        return ("{\"sourceApp\":\"APEKESAH\",\"legacyId\":\"%s\",\"title\":\"Jalan rusak\",\"description\":\"Jalan berlubang.\","
                + "\"categoryCode\":\"INFRA.ROAD\",\"location\":{\"regionCode\":\"21.71\"},\"submittedAt\":\"2019-03-01T01:00:00Z\","
                + "\"verification\":{\"at\":\"2019-03-01T03:00:00Z\",\"classification\":\"COMPLAINT_NO_SUPERVISORY_WEIGHT\"},"
                + "\"routing\":{\"at\":\"%s\",\"agencyCode\":\"21.71.DPUPR\"},"
                + "\"followUps\":[{\"at\":\"2019-03-05T02:00:00Z\",\"text\":\"Sudah ditambal.\"}],"
                + "\"completion\":{\"at\":\"2019-03-09T02:00:00Z\",\"how\":\"REPORTER_SATISFIED\"}}").formatted(legacyId, routedAt);
    }
}
