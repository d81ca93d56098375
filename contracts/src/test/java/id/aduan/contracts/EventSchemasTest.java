package id.aduan.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaValidatorsConfig STRICT = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    @Test
    void everyEventInTheCatalogueHasASchemaAndASample() {
        Set<Class<?>> sampled = EventSamples.all().stream().map(Object::getClass).collect(Collectors.toSet());
        for (EventDescriptor<?> descriptor : EventCatalog.all()) {
            assertThat(getClass().getClassLoader().getResource(descriptor.schemaResource()))
                    .as("schema of %s", descriptor.type()).isNotNull();
            assertThat(sampled).as("a sample of %s", descriptor.type()).contains(descriptor.javaType());
        }
    }

    @Test
    void serializedSamplesAreValidCloudEventsWhoseDataMatchesTheSchema() throws IOException {
        for (AduanEvent sample : EventSamples.all()) {
            EventEnvelope<AduanEvent> envelope = new EventEnvelope<>(UUID.randomUUID().toString(), "/aduan/test", sample);
            JsonNode cloudEvent = JSON.readTree(CloudEventCodec.encode(envelope));

            assertThat(cloudEvent.path("specversion").asText()).isEqualTo("1.0");
            assertThat(cloudEvent.path("type").asText()).isEqualTo(envelope.type());
            assertThat(cloudEvent.path("subject").asText()).isEqualTo(sample.subject());
            assertThat(cloudEvent.path("dataschema").asText()).isEqualTo(envelope.descriptor().dataSchema());
            assertThat(cloudEvent.path("time").asText()).isEqualTo(sample.occurredAt().toString());
            assertThat(cloudEvent.path(CloudEventCodec.PARTITION_KEY).asText()).isEqualTo(sample.subject());
            assertThat(violations(envelope.descriptor(), cloudEvent.path("data"))).as(envelope.type()).isEmpty();
        }
    }

    /**
     * What the services write names no field its schema does not declare: no reporter's email or name can
     * reach Kafka unnoticed (docs/personal-data.md), although the published schemas accept unknown fields.
     */
    @Test
    void samplesCarryOnlyTheFieldsTheirSchemaDeclares() throws IOException {
        for (AduanEvent sample : EventSamples.all()) {
            EventDescriptor<?> descriptor = EventCatalog.of(sample);
            assertThat(violations(closed(schemaOf(descriptor)), JSON.readTree(CloudEventCodec.writeData(sample))))
                    .as(descriptor.type()).isEmpty();
        }
        ObjectNode submitted = (ObjectNode) JSON.readTree(CloudEventCodec.writeData(EventSamples.all().get(0)));
        EventDescriptor<?> descriptor = EventCatalog.of(EventSamples.all().get(0));
        assertThat(violations(closed(schemaOf(descriptor)), submitted.put("reporterEmail", "a@b.id"))).isNotEmpty();
    }

    /** docs/events.md: "a v1 type may gain optional fields (consumers ignore fields they do not know)". */
    @Test
    void aConsumerValidatingWithTheSchemasAcceptsAFieldAddedLater() throws IOException {
        for (AduanEvent sample : EventSamples.all()) {
            EventDescriptor<?> descriptor = EventCatalog.of(sample);
            ObjectNode data = (ObjectNode) JSON.readTree(CloudEventCodec.writeData(sample));
            data.put("addedInALaterRelease", "an optional v1 field this consumer does not know");
            data.properties().forEach(field -> {
                // Nested objects may gain fields too (a location's, an attachment's).
                if (field.getValue().isObject()) {
                    ((ObjectNode) field.getValue()).put("addedInALaterRelease", true);
                } else if (field.getValue().isArray() && field.getValue().path(0).isObject()) {
                    ((ObjectNode) field.getValue().get(0)).put("addedInALaterRelease", true);
                }
            });
            assertThat(violations(descriptor, data)).as(descriptor.type()).isEmpty();

            // And the services' own consumers read it as before.
            EventEnvelope<AduanEvent> envelope = new EventEnvelope<>("evt-1", descriptor.source(), sample);
            ObjectNode cloudEvent = (ObjectNode) JSON.readTree(CloudEventCodec.encode(envelope));
            cloudEvent.set("data", data);
            assertThat(CloudEventCodec.decode(JSON.writeValueAsBytes(cloudEvent))).isEqualTo(envelope);
        }
    }

    @Test
    void schemasRejectDataThatBreaksTheContract() throws IOException {
        AduanEvent submitted = EventSamples.all().get(0);
        EventDescriptor<?> descriptor = EventCatalog.of(submitted);
        ObjectNode data = (ObjectNode) JSON.readTree(CloudEventCodec.writeData(submitted));

        assertThat(violations(descriptor, data.deepCopy().without("title"))).isNotEmpty();
        assertThat(violations(descriptor, data.deepCopy().put("complaintId", "12345"))).isNotEmpty();
        assertThat(violations(descriptor, data.deepCopy().put("submittedAt", "yesterday"))).isNotEmpty();
    }

    @Test
    void docsListEveryEventType() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "events.md"));
        for (EventDescriptor<?> descriptor : EventCatalog.all()) {
            assertThat(docs).as("docs/events.md").contains(descriptor.type(), descriptor.topic().topicName());
        }
    }

    private static Set<ValidationMessage> violations(EventDescriptor<?> descriptor, JsonNode data) throws IOException {
        return violations(schemaOf(descriptor), data);
    }

    private static Set<ValidationMessage> violations(JsonNode schema, JsonNode data) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, STRICT).validate(data);
    }

    private static JsonNode schemaOf(EventDescriptor<?> descriptor) throws IOException {
        try (InputStream schema = EventSchemasTest.class.getClassLoader().getResourceAsStream(descriptor.schemaResource())) {
            return JSON.readTree(schema);
        }
    }

    /** The schema with every object it declares closed to undeclared fields: what a producer may write. */
    private static JsonNode closed(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        close(copy);
        return copy;
    }

    private static void close(JsonNode node) {
        if (node instanceof ObjectNode object && "object".equals(object.path("type").asText()) && object.has("properties")) {
            object.put("additionalProperties", false);
        }
        node.forEach(EventSchemasTest::close);
    }
}
