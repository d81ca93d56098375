package id.aduan.intake.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.TestIssuer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

@AduanServiceTest
class AttachmentsIT {

    private static final byte[] PNG = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
            "a photo of the road".getBytes(StandardCharsets.UTF_8));

    @Autowired
    WebTestClient http;

    @Value("${aduan.data-dir}")
    Path dataDir;

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
                .contentType(MediaType.APPLICATION_JSON).bodyValue(complaintWith(id))
                .exchange().expectStatus().isCreated();
        // Someone else cannot attach it.
        http.post().uri("/api/v1/complaints")
                .headers(h -> h.setBearerAuth(TestIssuer.shared().coordinator()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(complaintWith(id))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("attachmentIds[0]");
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

    private static String complaintWith(String attachmentId) {
        return """
                {"title":"Jalan berlubang","description":"Lihat foto.","categoryCode":"INFRA.ROAD",
                 "location":{"regionCode":"32.73.01"},"attachmentIds":["%s"]}""".formatted(attachmentId);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
