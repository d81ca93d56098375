package id.aduan.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docs/asyncapi.yaml: what the catalogue generates, a valid AsyncAPI 3.0 document, naming every event type on
 * its topic with its schema. After changing an event or a topic, regenerate it with
 * {@code ./mvnw -o -q test -pl contracts -am -Dtest=AsyncApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false -Daduan.asyncapi.write=true}.
 */
class AsyncApiDocumentTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final Path DOCUMENT = DOCS.resolve("asyncapi.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCommittedDocumentIsTheOneTheCatalogueGenerates() throws IOException {
        String generated = AsyncApiDocument.yaml();
        if (Boolean.getBoolean("aduan.asyncapi.write")) {
            Files.writeString(DOCUMENT, generated);
        }
        assertThat(Files.readString(DOCUMENT))
                .as("docs/asyncapi.yaml is generated from the catalogue: regenerate it as AsyncApiDocumentTest's comment says")
                .isEqualTo(generated);
    }

    @Test
    void isAValidAsyncApi3Document() throws IOException {
        assertThat(violations(committed())).isEmpty();
    }

    @Test
    void theValidationCatchesAnInvalidDocument() throws IOException {
        ObjectNode noInfo = committed().deepCopy();
        noInfo.remove("info");
        ObjectNode asyncApi2Operation = committed().deepCopy();
        ((ObjectNode) asyncApi2Operation.path("operations").elements().next()).put("action", "publish");
        ObjectNode noPartitions = committed().deepCopy();
        ((ObjectNode) noPartitions.at("/channels/complaints/bindings/kafka")).put("partitions", 0);
        ObjectNode numericContentType = committed().deepCopy();
        ((ObjectNode) numericContentType.at("/components/messages/aduan.complaint.submitted.v1")).put("contentType", 5);

        assertThat(violations(noInfo)).isNotEmpty();
        assertThat(violations(asyncApi2Operation)).isNotEmpty();
        assertThat(violations(noPartitions)).as("the Kafka bindings are checked too").isNotEmpty();
        assertThat(violations(numericContentType)).as("and the messages").isNotEmpty();
    }

    @Test
    void namesEveryEventTypeOnItsTopicWithItsCloudEventAttributesAndSchema() throws IOException {
        JsonNode document = committed();
        for (EventDescriptor<?> descriptor : EventCatalog.all()) {
            JsonNode channel = document.path("channels").path(AsyncApiDocument.channelId(descriptor.topic()));
            assertThat(channel.path("address").asText()).isEqualTo(descriptor.topic().topicName());
            assertThat(channel.path("messages").path(descriptor.type()).path("$ref").asText())
                    .as("%s on %s", descriptor.type(), descriptor.topic().topicName())
                    .isEqualTo("#/components/messages/" + descriptor.type());

            JsonNode message = document.path("components").path("messages").path(descriptor.type());
            JsonNode attributes = message.path("payload").path("allOf").path(1).path("properties");
            assertThat(attributes.path("type").path("const").asText()).isEqualTo(descriptor.type());
            assertThat(attributes.path("source").path("const").asText()).isEqualTo(descriptor.source());
            assertThat(attributes.path("dataschema").path("const").asText()).isEqualTo(descriptor.dataSchema());

            Path schema = DOCS.resolve(attributes.path("data").path("$ref").asText()).normalize();
            assertThat(schema).as("the schema %s references", descriptor.type()).exists();
            assertThat(JSON.readTree(schema.toFile()).path("$id").asText()).isEqualTo(descriptor.dataSchema());
        }
        assertThat(document.path("components").path("messages").size())
                .as("a message per event type, and the dead letter").isEqualTo(EventCatalog.all().size() + 1);
        assertThat(document.at("/components/schemas/CloudEvent/properties/specversion/const").textValue()).isEqualTo("1.0");
        assertThat(document.path("channels").path("agencyFeed").path("address").asText()).isEqualTo("aduan.agency.{agencyCode}");
        assertThat(document.path("channels").path("deadLetters").path("address").asText()).isEqualTo("aduan.dlq.{service}");
    }

    private static JsonNode committed() throws IOException {
        return AsyncApiDocument.YAML.readTree(DOCUMENT.toFile());
    }

    private static Set<ValidationMessage> violations(JsonNode document) throws IOException {
        try (InputStream schema = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            JsonSchema asyncApi = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
            return asyncApi.validate(document);
        }
    }
}
