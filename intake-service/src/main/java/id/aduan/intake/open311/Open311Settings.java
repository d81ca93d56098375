package id.aduan.intake.open311;

import java.net.URI;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Open311 facade's settings (docs/open311.md).
 *
 * @param jurisdictionId the one jurisdiction this server serves: a request naming another is refused (404)
 * @param publicBaseUrl where clients reach Aduan (the gateway): the discovery document's endpoint and
 *     every {@code media_url} start with it
 * @param contact who to ask for help, in the discovery document
 * @param keyService how a client app gets an {@code api_key}, in the discovery document
 * @param changeset when this API last changed, in the discovery document
 * @param endpointType {@code production}, {@code test} or another Open311 endpoint type
 */
@ConfigurationProperties("aduan.open311")
record Open311Settings(
        @DefaultValue("lapor.go.id") String jurisdictionId,
        @DefaultValue("http://localhost:8080") URI publicBaseUrl,
        @DefaultValue("Hubungi admin nasional SP4N-LAPOR! (koordinator Aduan) untuk bantuan atau melaporkan kesalahan.") String contact,
        @DefaultValue("Kunci API (api_key) diterbitkan oleh koordinator untuk aplikasi klien yang terdaftar.") String keyService,
        @DefaultValue("2026-12-06T00:00:00Z") Instant changeset,
        @DefaultValue("production") String endpointType) {

    /** The GeoReport v2 base URL clients append {@code services.xml} and the rest to. */
    String endpointUrl() {
        return base() + Open311Endpoint.BASE_PATH;
    }

    /** Where the gateway serves a complaint's file, for whoever may see the complaint. */
    String attachmentUrl(String trackingId, String attachmentId) {
        return base() + "/api/v1/complaints/" + trackingId + "/attachments/" + attachmentId;
    }

    private String base() {
        return publicBaseUrl.toString().replaceAll("/+$", "");
    }
}
