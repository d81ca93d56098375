package id.aduan.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CloudEventCodecTest {

    @Test
    void everySampleSurvivesTheRoundTrip() {
        for (AduanEvent sample : EventSamples.all()) {
            EventEnvelope<AduanEvent> envelope = new EventEnvelope<>("evt-1", EventCatalog.of(sample).source(), sample);
            assertThat(CloudEventCodec.decode(CloudEventCodec.encode(envelope))).isEqualTo(envelope);
        }
    }

    @Test
    void everyTypeComesFromTheServiceThatWritesItsTopic() {
        assertThat(EventCatalog.byType("aduan.complaint.submitted.v1").orElseThrow().source()).isEqualTo("/aduan/intake-service");
        assertThat(EventCatalog.byType("aduan.complaint.routed.v1").orElseThrow().source()).isEqualTo("/aduan/routing-service");
        assertThat(EventCatalog.byType("aduan.sla.clock-breached.v1").orElseThrow().source()).isEqualTo("/aduan/sla-service");
    }

    @Test
    void anEventFromAServiceThatDoesNotEmitItsTypeIsRefused() {
        AduanEvent routed = EventSamples.all().stream()
                .filter(sample -> EventCatalog.of(sample).topic() == Topic.ROUTING).findFirst().orElseThrow();
        byte[] forged = CloudEventCodec.encode(new EventEnvelope<>("evt-1", "/aduan/intake-service", routed));

        assertThatThrownBy(() -> CloudEventCodec.decode(forged))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("comes from /aduan/intake-service, but only /aduan/routing-service emits it");
    }

    @Test
    void aMessageThatIsNotACloudEventIsMalformed() {
        assertThatThrownBy(() -> CloudEventCodec.decode("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void anUnknownTypeIsMalformed() {
        String event = """
                {"specversion":"1.0","id":"1","source":"/x","type":"aduan.unknown.v1","data":{}}""";
        assertThatThrownBy(() -> CloudEventCodec.decode(event.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("aduan.unknown.v1");
    }

    @Test
    void dataMissingARequiredFieldIsMalformed() {
        String event = """
                {"specversion":"1.0","id":"1","source":"/x","type":"aduan.complaint.routed.v1",
                 "datacontenttype":"application/json","data":{"complaintId":"ADU-3F7KQ9M2XD"}}""";
        assertThatThrownBy(() -> CloudEventCodec.decode(event.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class);
    }
}
