package id.aduan.intake.bulk;

import id.aduan.intake.StoredEvents;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.contracts.Channel;
import id.aduan.intake.Published;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.TestIssuer;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@AduanServiceTest
class BatchIT {

    @Autowired
    WebTestClient http;

    @Test
    void aJsonBatchAcceptsTheGoodRowsAndNamesWhatIsWrongWithTheOthers() {
        String marker = UUID.randomUUID().toString();
        String batch = "[" + row("INSTAGRAM", "32.73", marker) + "," + row("FACEBOOK", "Bandung", marker) + ","
                + row("WALK_IN", "35.78", marker).replace("\"title\"", "\"judul\"") + "," + row("PHONE", "35.78", marker) + "]";
        JsonNode result = post(MediaType.APPLICATION_JSON, batch)
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(result.get("accepted").asInt()).isEqualTo(2);
        assertThat(result.get("rejected").asInt()).isEqualTo(2);
        JsonNode rows = result.get("rows");
        assertThat(rows.get(0).get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(rows.get(1).get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(rows.get(1).get("errors").get(0).get("field").asText()).isEqualTo("location.regionCode");
        assertThat(rows.get(2).get("errors").get(0).get("field").asText()).isEqualTo("judul");
        assertThat(rows.get(3).get("row").asInt()).isEqualTo(4);

        assertThat(Published.submitted(rows.get(0).get("trackingId").asText()).channel()).isEqualTo(Channel.INSTAGRAM);
        assertThat(Published.submitted(rows.get(3).get("trackingId").asText()).channel()).isEqualTo(Channel.PHONE);
        assertThat(Published.trackingIdsMentioning(marker, Duration.ofSeconds(3))).containsExactlyInAnyOrder(
                rows.get(0).get("trackingId").asText(), rows.get(3).get("trackingId").asText());
    }

    @Test
    void aCsvBatchNamesTheColumnAtFault() {
        String marker = UUID.randomUUID().toString();
        String csv = """
                channel,receivedAt,title,description,categoryCode,regionCode,reporterName,reporterPhone
                LETTER,2026-02-20T02:00:00Z,"Izin usaha, lama",Surat warga tentang izin usaha %s,PERMIT,32.73,Ani,+628111222333
                WALK_IN,2026-02-20T02:00:00Z,Antrean,Antrean panjang %s,HEALTH,Bandung,,
                """.formatted(marker, marker);
        post(MediaType.parseMediaType("text/csv"), csv)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.accepted").isEqualTo(1)
                .jsonPath("$.rows[0].outcome").isEqualTo("ACCEPTED")
                .jsonPath("$.rows[0].trackingId").value(id -> assertThat(Published.submitted((String) id).title()).isEqualTo("Izin usaha, lama"))
                .jsonPath("$.rows[1].outcome").isEqualTo("REJECTED")
                .jsonPath("$.rows[1].errors[0].field").isEqualTo("regionCode");
    }

    @Test
    void aRowWithARegionTheReferenceDoesNotKnowIsRejectedNamingIt() {
        String marker = UUID.randomUUID().toString();
        post(MediaType.APPLICATION_JSON, "[" + row("PHONE", "94.71.01", marker) + "," + row("LETTER", "35", marker) + "]")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rows[0].outcome").isEqualTo("REJECTED")
                .jsonPath("$.rows[0].errors[0].field").isEqualTo("location.regionCode")
                .jsonPath("$.rows[1].outcome").isEqualTo("ACCEPTED");
        String csv = """
                channel,receivedAt,title,description,categoryCode,regionCode
                LETTER,2026-02-20T02:00:00Z,Antrean,Antrean panjang %s,HEALTH,94.71.01
                """.formatted(marker);
        post(MediaType.parseMediaType("text/csv"), csv).expectStatus().isOk().expectBody()
                .jsonPath("$.rows[0].outcome").isEqualTo("REJECTED")
                .jsonPath("$.rows[0].errors[0].field").isEqualTo("regionCode");
    }

    @Test
    void aBatchOfMoreThanAHundredRowsIsRefusedWhole() {
        long eventsBefore = StoredEvents.all();
        String batch = IntStream.range(0, 101).mapToObj(i -> row("PHONE", "32.73", "batch-101"))
                .collect(Collectors.joining(",", "[", "]"));
        post(MediaType.APPLICATION_JSON, batch)
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("rows");
        assertThat(StoredEvents.all()).isEqualTo(eventsBefore);
    }

    private WebTestClient.ResponseSpec post(MediaType type, String body) {
        return http.post().uri("/api/v1/channels/manual/batch")
                .headers(h -> h.setBearerAuth(TestIssuer.shared().coordinator()))
                .contentType(type).bodyValue(body)
                .exchange();
    }

    private static String row(String channel, String region, String marker) {
        return """
                {"channel":"%s","receivedAt":"2026-02-20T02:00:00Z","title":"Rekap pengaduan",
                 "description":"Dari rekap mingguan %s","categoryCode":"GENERAL","location":{"regionCode":"%s"}}"""
                .formatted(channel, marker, region);
    }

}
