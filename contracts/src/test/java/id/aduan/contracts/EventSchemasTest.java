package id.aduan.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
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
            assertThat(violations(envelope.descriptor(), cloudEvent.path("data"))).as(envelope.type()).isEmpty();
        }
    }

    @Test
    void schemasRejectDataThatBreaksTheContract() throws IOException {
        AduanEvent submitted = EventSamples.all().get(0);
        EventDescriptor<?> descriptor = EventCatalog.of(submitted);
        ObjectNode data = (ObjectNode) JSON.readTree(CloudEventCodec.writeData(submitted));

        assertThat(violations(descriptor, data.deepCopy().without("title"))).isNotEmpty();
        assertThat(violations(descriptor, data.deepCopy().put("complaintId", "12345"))).isNotEmpty();
        assertThat(violations(descriptor, data.deepCopy().put("reporterEmail", "a@b.id"))).isNotEmpty();
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
        try (InputStream schema = EventSchemasTest.class.getClassLoader().getResourceAsStream(descriptor.schemaResource())) {
            JsonSchema jsonSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, STRICT);
            return jsonSchema.validate(data);
        }
    }
}
