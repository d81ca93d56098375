package id.aduan.intake.attachments;

import static id.aduan.intake.OverHttp.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.intake.OverHttp;
import id.aduan.intake.OverHttp.Submitted;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.TestIssuer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.StatusAssertions;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Mono;

@AduanServiceTest
class AttachmentsIT {

    private static final byte[] PNG = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
            "a photo of the road".getBytes(StandardCharsets.UTF_8));

    private static final byte[] PDF = "%PDF-1.7 jadwal penambalan".getBytes(StandardCharsets.UTF_8);
    private static final String DPUPR = "32.73.DPUPR";
    private static final String ROADS = DPUPR + "/UPT-JALAN";

    @Autowired
    WebTestClient http;

    @Autowired
    MongoDatabase database;

    @Autowired
    OrphanUploads orphans;

    @Value("${aduan.data-dir}")
    Path dataDir;

    private OverHttp intake;

    @BeforeEach
    void setUp() {
        intake = new OverHttp(http);
    }

    @Test
    void anUploadIsDescribedWithItsChecksumAndCanBeAttachedByItsUploader() throws Exception {
        Map<String, Object> attachment = upload(TestIssuer.shared().citizen(), "foto/jalan.png", MediaType.IMAGE_PNG, PNG)
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG));
        assertThat(attachment).containsEntry("name", "jalan.png").containsEntry("mediaType", "image/png")
                .containsEntry("size", PNG.length).containsEntry("sha256", sha256);
        String id = (String) attachment.get("id");
        assertThat(Files.readAllBytes(dataDir.resolve("attachments").resolve(id))).isEqualTo(PNG);

        http.post().uri("/api/v1/complaints")
                .headers(h -> h.setBearerAuth(TestIssuer.shared().citizen()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(complaint(false, id))
                .exchange().expectStatus().isCreated();
        // Someone else cannot attach it.
        http.post().uri("/api/v1/complaints")
                .headers(h -> h.setBearerAuth(TestIssuer.shared().coordinator()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(complaint(false, id))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("attachmentIds[0]");
        // Nor can its uploader attach it to a second complaint.
        http.post().uri("/api/v1/complaints")
                .headers(h -> h.setBearerAuth(TestIssuer.shared().citizen()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(complaint(false, id))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("attachmentIds[0]")
                .jsonPath("$.errors[0].message").isEqualTo("is already attached to a complaint; upload the file again");
    }

    @Test
    void whoeverMaySeeAPublicComplaintDownloadsItsFilesAsUploadedUnderASafeName() {
        String id = uploaded(TOKENS.citizen(), "C:\\foto\\\"jalan\" rusak ñ.png", MediaType.IMAGE_PNG, PNG);
        Submitted complaint = intake.submit(complaint(false, id));
        intake.verify(complaint.trackingId(), false, false);
        OverHttp.routeTo(complaint.trackingId(), DPUPR);
        intake.awaitView(complaint.trackingId(), "\"assignedAgencyCode\":\"" + DPUPR + "\"");
        // The submission's step lists it, for everyone who sees the complaint.
        intake.track(complaint.trackingId(), null, null).expectStatus().isOk().expectBody()
                .jsonPath("$.timeline[0].step").isEqualTo("SUBMITTED")
                .jsonPath("$.timeline[0].attachments[0].id").isEqualTo(id)
                .jsonPath("$.timeline[0].attachments[0].name").isEqualTo("\"jalan\" rusak ñ.png");

        for (String token : new String[] {null, TOKENS.citizen(), TOKENS.coordinator(), TOKENS.ombudsman(),
                TOKENS.agency(DPUPR), TOKENS.agency("32.73.DINKES")}) {
            download(complaint.trackingId(), id, token, null).expectStatus().isOk()
                    .expectHeader().contentType(MediaType.IMAGE_PNG)
                    .expectHeader().contentLength(PNG.length)
                    .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"jalan rusak _.png\"; filename*=UTF-8''jalan%20rusak%20%C3%B1.png")
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectBody(byte[].class).isEqualTo(PNG);
        }
        download(complaint.trackingId(), id, null, complaint.secret()).expectStatus().isOk().expectBody(byte[].class).isEqualTo(PNG);
        // Only through the complaint that has it, and only ids it has.
        Submitted other = intake.submit(complaint(false, uploaded(TOKENS.citizen(), "lain.png", MediaType.IMAGE_PNG, PNG)));
        intake.awaitView(other.trackingId(), "\"status\"");
        download(other.trackingId(), id, TOKENS.coordinator(), null).expectStatus().isNotFound();
        download(complaint.trackingId(), "att-unknown", TOKENS.coordinator(), null).expectStatus().isNotFound();
    }

    @Test
    void aConfidentialComplaintsFilesAreNotFoundForWhoeverMayNotSeeIt() {
        String id = uploaded(TOKENS.citizen(), "bukti.png", MediaType.IMAGE_PNG, PNG);
        Submitted rahasia = intake.submit(complaint(true, id));
        intake.verify(rahasia.trackingId(), false, true);
        OverHttp.routeTo(rahasia.trackingId(), DPUPR);
        intake.post("/api/v1/complaints/" + rahasia.trackingId() + "/unit-assignment", TOKENS.agency(DPUPR),
                "{\"unitCode\":\"" + ROADS + "\"}").expectStatus().isOk();
        intake.awaitView(rahasia.trackingId(), "\"assignedUnitCode\":\"" + ROADS + "\"");

        for (String token : new String[] {null, TOKENS.citizen(), TOKENS.agency("32.73.DINKES"),
                OverHttp.liaisonOfficer(DPUPR + "/UPT-DRAINASE")}) {
            // Exactly as a file that does not exist: the complaint's existence is not confirmed.
            download(rahasia.trackingId(), id, token, null).expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        download(rahasia.trackingId(), id, null, "not-the-secret").expectStatus().isNotFound();
        for (String token : new String[] {TOKENS.coordinator(), TOKENS.ombudsman(), TOKENS.agency(DPUPR),
                OverHttp.liaisonOfficer(ROADS)}) {
            download(rahasia.trackingId(), id, token, null).expectStatus().isOk().expectBody(byte[].class).isEqualTo(PNG);
        }
        download(rahasia.trackingId(), id, null, rahasia.secret()).expectStatus().isOk().expectBody(byte[].class).isEqualTo(PNG);
    }

    @Test
    void aFollowUpCarriesTheAgencysUploadsWhichTheReporterDownloadsWithTheirSecret() {
        Submitted rahasia = intake.submit(complaint(true));
        String agency = TOKENS.agency(DPUPR);
        String schedule = uploaded(agency, "jadwal.pdf", MediaType.APPLICATION_PDF, PDF);
        // Refused by the complaint (not verified yet): the upload stays free for the corrected request.
        followUp(rahasia.trackingId(), agency, schedule).isEqualTo(HttpStatus.FORBIDDEN);
        intake.verify(rahasia.trackingId(), false, true);
        OverHttp.routeTo(rahasia.trackingId(), DPUPR);
        followUp(rahasia.trackingId(), agency, schedule).isOk();
        intake.awaitView(rahasia.trackingId(), "\"FOLLOWED_UP\"");

        intake.track(rahasia.trackingId(), null, rahasia.secret()).expectStatus().isOk().expectBody()
                .jsonPath("$.timeline[?(@.step == 'FOLLOWED_UP')].attachments[0].id").isEqualTo(schedule)
                .jsonPath("$.timeline[?(@.step == 'FOLLOWED_UP')].attachments[0].mediaType").isEqualTo("application/pdf");
        download(rahasia.trackingId(), schedule, TOKENS.citizen(), rahasia.secret()).expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"jadwal.pdf\"; filename*=UTF-8''jadwal.pdf")
                .expectBody(byte[].class).isEqualTo(PDF);
        download(rahasia.trackingId(), schedule, null, null).expectStatus().isNotFound();

        // One upload, one complaint; and another's upload is not the agency's to attach.
        Submitted second = intake.submit(complaint(false));
        intake.verify(second.trackingId(), false, false);
        OverHttp.routeTo(second.trackingId(), DPUPR);
        followUp(second.trackingId(), agency, schedule).isBadRequest();
        followUp(second.trackingId(), agency, uploaded(TOKENS.citizen(), "warga.png", MediaType.IMAGE_PNG, PNG)).isBadRequest();
    }

    @Test
    void uploadsAttachedToNoComplaintAreDeletedOnceTheTimeKeptHasPassed() {
        String oldOrphan = uploaded(TOKENS.citizen(), "lama.png", MediaType.IMAGE_PNG, PNG);
        String freshOrphan = uploaded(TOKENS.citizen(), "baru.png", MediaType.IMAGE_PNG, PNG);
        String attached = uploaded(TOKENS.citizen(), "terlampir.png", MediaType.IMAGE_PNG, PNG);
        Submitted complaint = intake.submit(complaint(false, attached));
        // Both uploaded two days ago, the orphan unattached ever since; aduan.attachments.orphans-kept-for is 24 hours.
        Date twoDaysAgo = Date.from(Instant.now().minus(Duration.ofDays(2)));
        setBack(oldOrphan, Updates.combine(Updates.set("uploadedAt", twoDaysAgo), Updates.set(Attachments.UNATTACHED_SINCE, twoDaysAgo)));
        setBack(attached, Updates.set("uploadedAt", twoDaysAgo));

        orphans.sweep();

        assertThat(dataDir.resolve("attachments").resolve(oldOrphan)).doesNotExist();
        assertThat(dataDir.resolve("attachments").resolve(freshOrphan)).exists();
        http.post().uri("/api/v1/complaints").headers(h -> h.setBearerAuth(TOKENS.citizen()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(complaint(false, oldOrphan))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("no attachment you uploaded has this id");
        intake.awaitView(complaint.trackingId(), "\"status\"");
        download(complaint.trackingId(), attached, TOKENS.coordinator(), null).expectStatus().isOk()
                .expectBody(byte[].class).isEqualTo(PNG);
    }

    @Test
    void anUploadDescribedInTheEarlierShapeIsAttachedAsDescribed() {
        // As stored before the orphan sweep existed: no unattachedSince, the size a 32-bit integer.
        Mono.from(database.getCollection(Attachments.COLLECTION).insertOne(new Document("_id", "att-earlier-shape")
                .append("name", "lama.pdf").append("mediaType", "application/pdf").append("size", PDF.length)
                .append("sha256", "9f86d0").append("uploadedBy", "citizen-app")
                .append("uploadedAt", Date.from(Instant.parse("2025-06-01T02:00:00Z"))))).block();

        Submitted complaint = intake.submit(complaint(false, "att-earlier-shape"));
        intake.awaitView(complaint.trackingId(), "att-earlier-shape");
        intake.track(complaint.trackingId(), TOKENS.coordinator(), null).expectStatus().isOk().expectBody()
                .jsonPath("$.timeline[0].attachments[0].name").isEqualTo("lama.pdf")
                .jsonPath("$.timeline[0].attachments[0].mediaType").isEqualTo("application/pdf")
                .jsonPath("$.timeline[0].attachments[0].size").isEqualTo(PDF.length)
                .jsonPath("$.timeline[0].attachments[0].sha256").isEqualTo("9f86d0");
        assertThat(stored("att-earlier-shape")).containsKey("complaintId").doesNotContainKey(Attachments.UNATTACHED_SINCE);
    }

    @Test
    void anUploadIsDescribedUnderTheFieldNamesAndTypesItHadBefore() {
        String id = uploaded(TOKENS.citizen(), "jadwal.pdf", MediaType.APPLICATION_PDF, PDF);
        Document described = stored(id);
        assertThat(described.keySet()).containsExactlyInAnyOrder("_id", "name", "mediaType", "size", "sha256",
                "uploadedBy", "uploadedAt", "unattachedSince");
        assertThat(described.get("size")).isEqualTo((long) PDF.length);
        assertThat(described.get("uploadedAt")).isInstanceOf(Date.class).isEqualTo(described.get("unattachedSince"));

        intake.submit(complaint(false, id));
        assertThat(stored(id).keySet()).contains("complaintId", "claim").doesNotContain("unattachedSince");
    }

    private Document stored(String attachmentId) {
        return Mono.from(database.getCollection(Attachments.COLLECTION).find(Filters.eq("_id", attachmentId)).first()).block();
    }

    private void setBack(String attachmentId, Bson update) {
        Mono.from(database.getCollection(Attachments.COLLECTION).updateOne(Filters.eq("_id", attachmentId), update)).block();
    }

    private String uploaded(String token, String name, MediaType type, byte[] bytes) {
        return (String) upload(token, name, type, bytes).expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody().get("id");
    }

    private WebTestClient.ResponseSpec download(String trackingId, String attachmentId, String token, String secret) {
        return http.get().uri("/api/v1/complaints/{trackingId}/attachments/{attachmentId}", trackingId, attachmentId)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                    if (secret != null) {
                        h.set("X-Reporter-Secret", secret);
                    }
                }).exchange();
    }

    private StatusAssertions followUp(String trackingId, String token,
            String attachmentId) {
        return intake.post("/api/v1/complaints/" + trackingId + "/follow-ups", token,
                "{\"text\":\"Dijadwalkan minggu ini.\",\"attachmentIds\":[\"" + attachmentId + "\"]}").expectStatus();
    }

    @Test
    void aFileOfAnotherTypeOrWhoseContentIsNotItsTypeIsRefused() {
        upload(TestIssuer.shared().citizen(), "run.exe", MediaType.APPLICATION_OCTET_STREAM, PNG)
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("file");
        upload(TestIssuer.shared().citizen(), "fake.pdf", MediaType.APPLICATION_PDF, PNG)
                .expectStatus().isEqualTo(415);
    }

    @Test
    void aFileOverTheLimitIsRefused() {
        byte[] big = concat(PNG, new byte[5 * 1024 * 1024]);
        upload(TestIssuer.shared().citizen(), "big.png", MediaType.IMAGE_PNG, big)
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("file");
    }

    private WebTestClient.ResponseSpec upload(String token, String name, MediaType type, byte[] bytes) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        }).contentType(type);
        return http.post().uri("/api/v1/attachments")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange();
    }

    private static String complaint(boolean confidential, String... attachmentIds) {
        return """
                {"title":"Jalan berlubang","description":"Lihat foto.","categoryCode":"INFRA.ROAD",
                 "location":{"regionCode":"32.73.01"},"confidential":%s,"attachmentIds":[%s]}"""
                .formatted(confidential, String.join(",", Arrays.stream(attachmentIds).map(id -> "\"" + id + "\"").toList()));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
