package id.aduan.endtoend;

import static id.aduan.endtoend.RunningSuite.HTTP;
import static id.aduan.endtoend.RunningSuite.JSON;
import static id.aduan.endtoend.RunningSuite.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.contracts.SlaClockStarted;
import id.aduan.contracts.Topic;
import id.aduan.testkit.TopicWatcher;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole flow as a user meets it, on a {@link RunningSuite}. A complaint submitted through the gateway with a citizen's token is routed, clocked and reported,
 * tracked in public, verified by a coordinator and followed up by the competent agency; every other
 * channel, the legacy import and the Open311 facade reach the reports through the gateway too. Its
 * complaints are in a district no other scenario uses, whose report counts them alone.
 */
@Order(2)
@ExtendWith(RunningSuite.Shared.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteEndToEndIT {

    /** Astanaanyar, Kota Bandung: this scenario's district, so that its report counts this scenario's complaints. */
    private static final String DISTRICT = "32.73.10";
    private static final String REPORT = "/api/v1/reports/regions/" + DISTRICT;

    private static RunningSuite suite;

    @BeforeAll
    static void join(RunningSuite running) {
        suite = running;
    }

    @Test
    @Order(1)
    void aComplaintSubmittedThroughTheGatewayIsRoutedClockedAndReported() throws Exception {
        String citizen = suite.token("citizen-app", "citizen-secret");
        String coordinator = suite.token("coordinator", "coordinator-secret");

        HttpResponse<String> submitted = HTTP.send(HttpRequest.newBuilder(suite.gateway("/api/v1/complaints"))
                .header("Authorization", "Bearer " + citizen)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"title":"Jalan berlubang di depan SDN 1",
                         "description":"Lubang besar di Jalan Merdeka sejak dua minggu, membahayakan pengendara motor.",
                         "categoryCode":"INFRA.ROAD","location":{"regionCode":"%s"},
                         "addressedAgencyCode":"32.73.DPUPR",
                         "reporter":{"name":"Siti Aminah","email":"siti@example.id","phone":"+6281234567890"}}""".formatted(DISTRICT)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String trackingId = JSON.readTree(submitted.body()).get("trackingId").asText();

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode district = suite.getJson(REPORT, coordinator);
            assertThat(district.get("received").asLong()).isEqualTo(1);
            assertThat(district.get("routedIn").asLong()).isEqualTo(1);
            assertThat(district.at("/byChannel/WEB/received").asLong()).isEqualTo(1);
        });
        String agencyAdmin = suite.token("agency-bandung-pu", "agency-secret");
        assertThat(suite.getJson("/api/v1/reports/agencies/32.73.DPUPR", agencyAdmin).at("/byRegion/" + DISTRICT + "/routedIn")
                .asLong()).isEqualTo(1);

        try (TopicWatcher sla = TopicWatcher.watch(Topic.SLA)) {
            SlaClockStarted clock = sla.awaitEvent(SlaClockStarted.class, trackingId, PATIENCE).data();
            LocalDate submittedOn = clock.startedAt().atZone(ZoneId.of("Asia/Jakarta")).toLocalDate();
            assertThat(clock.dueDate()).isAfter(submittedOn);
            assertThat(clock.dueDate().getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
        }

        // Anyone can follow it by its tracking id, without a token and without seeing who reported it.
        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> tracked = HTTP.send(HttpRequest.newBuilder(suite.gateway("/api/v1/complaints/" + trackingId))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(tracked.statusCode()).isEqualTo(200);
            assertThat(tracked.body()).contains("AWAITING_VERIFICATION").doesNotContain("Siti", "siti@example.id", "6281234567890");
        });
        assertThat(suite.getJson("/api/v1/complaints/" + trackingId + "/routing", coordinator).at("/decisions/0/agencyCode").asText())
                .isEqualTo("32.73.DPUPR");

        // The coordinator verifies, the competent agency follows up, and every clock shows through the gateway.
        assertThat(suite.post("/api/v1/complaints/" + trackingId + "/verification", coordinator, """
                {"classification":"COMPLAINT_NO_SUPERVISORY_WEIGHT","anonymous":false,"confidential":false}""")
                .statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(suite.post("/api/v1/complaints/" + trackingId + "/follow-ups",
                agencyAdmin, """
                {"text":"Lubang sudah ditambal oleh tim UPT Jalan pada hari ini."}""").statusCode()).isEqualTo(200));
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode clocks = suite.getJson("/api/v1/complaints/" + trackingId + "/sla", coordinator);
            assertThat(clocks.toString()).contains("VERIFICATION", "FOLLOW_UP", "MET");
        });
    }

    @Test
    @Order(2)
    void everyChannelTheLegacyImportAndOpen311ReachTheReportsThroughTheGateway() throws Exception {
        String coordinator = suite.token("coordinator", "coordinator-secret");
        String citizen = suite.token("citizen-app", "citizen-secret");
        String earlier = Instant.now().minusSeconds(600).toString();

        String sms = """
                {"messageId":"e2e-sms-1","from":"+6281234567890","receivedAt":"%s",
                 "text":"LAPOR#%s#INFRA.ROAD#Jalan rusak#Jalan Merdeka berlubang dekat pasar"}""".formatted(earlier, DISTRICT);
        HttpResponse<String> first = suite.post("/api/v1/channels/sms", coordinator, sms);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String smsId = JSON.readTree(first.body()).get("trackingId").asText();
        assertThat(JSON.readTree(first.body()).get("reply").asText()).contains(smsId);
        HttpResponse<String> again = suite.post("/api/v1/channels/sms", coordinator, sms);
        assertThat(JSON.readTree(again.body()).get("trackingId").asText()).isEqualTo(smsId);

        assertThat(suite.post("/api/v1/channels/social-media", coordinator, """
                {"postId":"e2e-post-1","kind":"MENTION","authorHandle":"@warga_bdg","createdAt":"%s",
                 "text":"@lapor1708 Sampah di Jalan Braga tidak diangkut seminggu #%s"}""".formatted(earlier, DISTRICT))
                .statusCode()).isEqualTo(201);
        assertThat(suite.post("/api/v1/channels/manual", coordinator, """
                {"channel":"WHATSAPP","receivedAt":"%s","title":"Pungutan liar di kantor kelurahan",
                 "description":"Warga diminta membayar surat pengantar.","categoryCode":"CIVIL_SERVICE",
                 "location":{"regionCode":"%s"},"reporter":{"name":"Budi","phone":"+628111222333"}}"""
                .formatted(earlier, DISTRICT)).statusCode()).isEqualTo(201);
        HttpResponse<String> batch = suite.post("/api/v1/channels/manual/batch", coordinator, "text/csv", """
                channel,receivedAt,title,description,categoryCode,regionCode
                LETTER,%1$s,Izin usaha lama,Surat warga tentang izin usaha,PERMIT,%2$s
                WALK_IN,%1$s,Antrean panjang,Antrean puskesmas sejak pagi,HEALTH,%2$s
                WALK_IN,%1$s,,Baris tanpa judul,HEALTH,%2$s
                """.formatted(earlier, DISTRICT));
        assertThat(JSON.readTree(batch.body()).get("accepted").asInt()).as(batch.body()).isEqualTo(2);

        String history = """
                {"sourceApp":"APEKESAH","legacyId":"e2e-2019-0042","title":"Jalan rusak","description":"Jalan di Astanaanyar berlubang.","categoryCode":"INFRA.ROAD","location":{"regionCode":"%s"},"anonymous":false,"confidential":false,"submittedAt":"2019-03-01T01:00:00Z","verification":{"at":"2019-03-01T03:00:00Z","classification":"COMPLAINT_NO_SUPERVISORY_WEIGHT"},"routing":{"at":"2019-03-02T02:00:00Z","agencyCode":"32.73.DPUPR"},"followUps":[{"at":"2019-03-05T02:00:00Z","text":"Sudah ditambal."}],"completion":{"at":"2019-03-09T02:00:00Z","how":"REPORTER_SATISFIED"}}
                """.formatted(DISTRICT);
        assertThat(JSON.readTree(suite.post("/api/v1/imports", coordinator, "application/x-ndjson", history).body())
                .get("imported").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(suite.post("/api/v1/imports", coordinator, "application/x-ndjson", history).body())
                .get("alreadyImported").asInt()).isEqualTo(1);

        HttpResponse<String> open311 = suite.post("/open311/v2/requests.json", citizen, "application/x-www-form-urlencoded",
                "service_code=INFRA.ROAD&description=Lubang+besar+di+Jalan+Merdeka+dekat+pasar&attribute%5Bregion_code%5D=" + DISTRICT);
        assertThat(open311.statusCode()).as(open311.body()).isEqualTo(201);
        String open311Id = JSON.readTree(open311.body()).get(0).get("service_request_id").asText();
        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> tracked = HTTP.send(HttpRequest.newBuilder(
                    suite.gateway("/open311/v2/requests.json?service_request_id=" + open311Id)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            // Empty until the tracking view has the request: `at` keeps that an assertion to wait on, not an error.
            assertThat(JSON.readTree(tracked.body()).at("/0/service_code").asText()).as(tracked.body()).isEqualTo("INFRA.ROAD");
        });

        // The first test's web complaint, and one of each here: SMS, social media, WhatsApp, two rows, the import, Open311.
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode district = suite.getJson(REPORT, coordinator);
            assertThat(district.get("received").asLong()).isEqualTo(8);
            for (String channel : new String[] {"WEB", "SMS", "SOCIAL_MEDIA", "WHATSAPP", "LETTER", "WALK_IN", "LEGACY_APP", "OPEN311"}) {
                assertThat(district.at("/byChannel/" + channel + "/received").asLong()).as(channel).isEqualTo(1);
            }
        });
    }

    @Test
    @Order(3)
    void anAgencyCannotReadAnotherAgencysReportThroughTheGateway() throws Exception {
        String otherAgency = suite.token("agency-bandung-dukcapil", "agency-secret");
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(suite.gateway("/api/v1/reports/agencies/32.73.DPUPR"))
                .header("Authorization", "Bearer " + otherAgency).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    /**
     * Issue 14's day of work: an SMS without a region is corrected and re-routed at verification, the
     * agency finds it in its inbox next due first, asks the reporter (its clock waits), reads the answer
     * in the case file, follows up with a photo the reporter downloads, and the complaint leaves the
     * inbox once completed.
     */
    @Test
    @Order(4)
    void anSmsWithoutRegionIsCorrectedReroutedAskedAboutAnsweredAndFollowedUpWithAPhoto() throws Exception {
        String coordinator = suite.token("coordinator", "coordinator-secret");
        String citizen = suite.token("citizen-app", "citizen-secret");
        String agency = suite.token("agency-bandung-pu", "agency-secret");
        HttpResponse<String> sms = suite.post("/api/v1/channels/sms", coordinator, """
                {"messageId":"e2e-sms-day-of-work","from":"+6281299990000","receivedAt":"%s",
                 "text":"Jalan depan pasar Cicadas berlubang besar, sudah ada motor jatuh"}""".formatted(Instant.now()));
        assertThat(sms.statusCode()).as(sms.body()).isEqualTo(201);
        String id = JSON.readTree(sms.body()).get("trackingId").asText();
        String secret = JSON.readTree(sms.body()).get("reporterSecret").asText();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(suite.getJson("/api/v1/inbox/verification?q=Cicadas",
                coordinator).toString()).contains(id, "\"regionCode\":\"00\""));

        assertThat(suite.post("/api/v1/complaints/" + id + "/verification", coordinator, """
                {"classification":"COMPLAINT_NO_SUPERVISORY_WEIGHT","categoryCode":"INFRA.ROAD","regionCode":"32.73.01",
                 "anonymous":false,"confidential":false}""").statusCode()).isEqualTo(200);
        JsonNode row = await().atMost(PATIENCE).until(() -> inboxRow(agency, "", id),
                found -> found != null && found.has("nextDueAt"));
        assertThat(row.get("regionCode").asText()).isEqualTo("32.73.01");
        JsonNode inbox = suite.getJson("/api/v1/inbox?sort=due", agency);
        assertThat(inbox.get("total").asInt()).isGreaterThanOrEqualTo(1);
        List<Instant> dues = new ArrayList<>();
        inbox.get("items").forEach(item -> dues.add(item.has("nextDueAt") ? Instant.parse(item.get("nextDueAt").asText()) : Instant.MAX));
        assertThat(dues).isSorted();
        assertThat(suite.getJson("/api/v1/complaints/" + id + "/routing", coordinator).toString())
                .contains("corrected", "32.73.DPUPR");

        assertThat(suite.post("/api/v1/complaints/" + id + "/question", agency, """
                {"question":"Di depan toko apa tepatnya lubang itu?"}""").statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> inboxRow(agency, "", id), found -> found != null && found.get("clockPaused").asBoolean());
        HttpResponse<String> answered = HTTP.send(RunningSuite.request(suite.gateway("/api/v1/complaints/" + id + "/question-answer"))
                .header("Authorization", "Bearer " + citizen).header("X-Reporter-Secret", secret)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"answer\":\"Di depan toko emas Sinar Jaya.\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> inboxRow(agency, "", id), found -> !found.get("clockPaused").asBoolean());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(suite.getJson("/api/v1/complaints/" + id + "/case-file", agency)
                .at("/complaint/timeline").toString()).contains("Di depan toko emas Sinar Jaya."));

        byte[] photo = new byte[64];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, photo, 0, 8);
        String attachment = JSON.readTree(upload(agency, "tambalan jalan.png", "image/png", photo)).get("id").asText();
        assertThat(suite.post("/api/v1/complaints/" + id + "/follow-ups", agency, """
                {"text":"Lubang sudah ditambal, foto terlampir.","attachmentIds":["%s"]}""".formatted(attachment))
                .statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<byte[]> download = HTTP.send(RunningSuite.request(
                    suite.gateway("/api/v1/complaints/" + id + "/attachments/" + attachment))
                    .header("X-Reporter-Secret", secret).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(photo);
            assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        });

        assertThat(suite.post("/api/v1/complaints/" + id + "/completion", agency, "{}").statusCode()).isEqualTo(200);
        HttpResponse<String> satisfied = HTTP.send(RunningSuite.request(suite.gateway("/api/v1/complaints/" + id + "/reporter-answer"))
                .header("Authorization", "Bearer " + citizen).header("X-Reporter-Secret", secret)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"satisfied\":true}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(satisfied.statusCode()).as(satisfied.body()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> inboxRow(agency, "", id) == null);
        assertThat(inboxRow(agency, "&status=COMPLETED", id)).isNotNull();
    }

    /** The complaint's row in the agency's inbox, or null when it is not listed. */
    private static JsonNode inboxRow(String token, String filters, String id) throws Exception {
        for (JsonNode item : suite.getJson("/api/v1/inbox?limit=200" + filters, token).get("items")) {
            if (item.get("trackingId").asText().equals(id)) {
                return item;
            }
        }
        return null;
    }

    private static String upload(String token, String name, String type, byte[] content) throws Exception {
        String boundary = "aduan-e2e-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> uploaded = HTTP.send(RunningSuite.request(suite.gateway("/api/v1/attachments"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        return uploaded.body();
    }
}
