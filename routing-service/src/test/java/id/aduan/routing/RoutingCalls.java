package id.aduan.routing;

import id.aduan.contracts.Channel;
import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.Location;
import id.aduan.contracts.Topic;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.TopicWatcher;
import id.aduan.testkit.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What routing's integration tests do: submit complaints over Kafka, call the endpoints, watch aduan.routing. */
public final class RoutingCalls {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final WebTestClient http;

    public RoutingCalls(WebTestClient http) {
        this.http = http;
    }

    /** Submits a new complaint on aduan.complaints and waits for routing's decision on it; returns its id. */
    public static String submit(String categoryCode, String regionCode, String addressedAgencyCode) {
        String complaintId = ComplaintIds.next();
        Instant now = Instant.now();
        TopicWriter.send(Complaints.envelope(new ComplaintSubmitted(complaintId, Channel.WEB, "Keluhan warga",
                "Uraian keluhan warga.", categoryCode, Location.of(regionCode), addressedAgencyCode, now, now, false, false, null)));
        awaitStep(complaintId, ComplaintRouted.Step.ROUTED, 0);
        return complaintId;
    }

    /** The routing event of this complaint with this step and hop, as published on aduan.routing. */
    public static EventEnvelope<?> awaitStep(String complaintId, ComplaintRouted.Step step, int hop) {
        try (TopicWatcher routing = TopicWatcher.watch(Topic.ROUTING)) {
            return CloudEventCodec.decode(routing.awaitRecord(record -> complaintId.equals(record.key())
                    && CloudEventCodec.decode(record.value()).data() instanceof ComplaintRouted routed
                    && routed.step() == step && routed.hop() == hop, PATIENCE).value());
        }
    }

    public WebTestClient.ResponseSpec forward(String complaintId, String token, String json) {
        return send(HttpMethod.POST, "/api/v1/complaints/" + complaintId + "/forwarding", token, json);
    }

    public WebTestClient.ResponseSpec dispose(String complaintId, String token, String json) {
        return send(HttpMethod.POST, "/api/v1/complaints/" + complaintId + "/disposition", token, json);
    }

    public WebTestClient.ResponseSpec chain(String complaintId, String token) {
        return get("/api/v1/complaints/" + complaintId + "/routing", token);
    }

    public WebTestClient.ResponseSpec get(String path, String token) {
        return http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    public WebTestClient.ResponseSpec send(HttpMethod method, String path, String token, String json) {
        return http.method(method).uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }
}
