package id.aduan.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * docs/asyncapi.yaml, the AsyncAPI 3.0 description of every topic and event, generated from the catalogue
 * ({@link EventCatalog}, {@link Topic}) so that it cannot drift from it: {@code AsyncApiDocumentTest}
 * fails while the committed file differs, and rewrites it when asked to.
 */
final class AsyncApiDocument {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    /** Where the event schemas are, seen from docs/: referenced, not copied. */
    static final String SCHEMAS_FROM_DOCS = "../contracts/src/main/resources/";

    private static final String KAFKA_BINDING = "0.5.0";

    /** The agency topics carry an agency's feed: what routing's FeedRecipients puts there (docs/subscriptions.md). */
    static final List<Class<? extends AduanEvent>> AGENCY_FEED = List.of(ComplaintRouted.class, QuestionAsked.class,
            QuestionClosed.class, SlaClockWarning.class, SlaClockBreached.class);

    /** The services with consumers, and so with a dead-letter topic (docs/dead-letters.md). */
    static final List<String> CONSUMING_SERVICES = List.of("intake-service", "routing-service", "sla-service",
            "reporting-service");

    private AsyncApiDocument() {
    }

    static String yaml() {
        try {
            return YAML.writeValueAsString(document());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode document() {
        ObjectNode doc = YAML.createObjectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Aduan events");
        info.put("version", "1.0.0");
        info.put("description", """
                Every event Aduan's services exchange on Kafka, as CloudEvents 1.0 in the structured JSON mode: \
                the whole event in the record's value, header `content-type: application/cloudevents+json`, \
                the record key the event's subject (also its `partitionkey`). The data of each type is described \
                by its JSON Schema in `contracts` (referenced, not copied); a v1 type may gain optional fields, \
                so the schemas accept fields they do not name. Generated from the contracts' EventCatalog by \
                AsyncApiDocumentTest (docs/events.md): do not edit by hand.""");
        doc.put("defaultContentType", CloudEventCodec.CONTENT_TYPE);
        ObjectNode local = doc.putObject("servers").putObject("local");
        local.put("host", "localhost:9092");
        local.put("protocol", "kafka");
        local.put("description", "The embedded default's broker (./aduan); in production the cluster of docs/deployment.md.");

        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        for (Topic topic : Topic.values()) {
            ObjectNode channel = channels.putObject(channelId(topic));
            channel.put("address", topic.topicName());
            channel.put("description", "Written by " + topic.emitter() + " alone; every record keyed by its event's subject. "
                    + "Kept forever (docs/events.md, \"Retention\").");
            ObjectNode channelMessages = channel.putObject("messages");
            descriptors(topic).forEach(descriptor -> channelMessages.set(descriptor.type(), ref("#/components/messages/" + descriptor.type())));
            channel.set("bindings", kafkaTopic(topic.topicName(), Topic.PARTITIONS, -1));
            ObjectNode send = operations.putObject(topic.emitter() + ".publishes." + channelId(topic));
            send.put("action", "send");
            send.put("summary", topic.emitter() + " publishes on " + topic.topicName());
            send.set("channel", ref("#/channels/" + channelId(topic)));
            ArrayNode sent = send.putArray("messages");
            descriptors(topic).forEach(descriptor -> sent.add(ref("#/channels/" + channelId(topic) + "/messages/" + descriptor.type())));
        }
        EventCatalog.all().forEach(descriptor -> messages.set(descriptor.type(), message(descriptor)));

        ObjectNode agency = channels.putObject("agencyFeed");
        agency.put("address", "aduan.agency.{agencyCode}");
        agency.put("description", "One topic per agency: its feed, the same CloudEvents (same ids and bytes) as on the "
                + "event topics, keyed by complaint id. Written by routing-service; created on the agency's first event, "
                + "kept 30 days; the prefix is aduan.subscriptions.topic-prefix (docs/subscriptions.md).");
        agency.putObject("parameters").putObject("agencyCode")
                .put("description", "The agency's code, such as 32.73.DPUPR.");
        ObjectNode agencyMessages = agency.putObject("messages");
        AGENCY_FEED.stream().map(EventCatalog::of).forEach(descriptor ->
                agencyMessages.set(descriptor.type(), ref("#/components/messages/" + descriptor.type())));
        ObjectNode feed = operations.putObject("routing-service.publishes.agencyFeed");
        feed.put("action", "send");
        feed.put("summary", "routing-service delivers each agency's feed to its topic");
        feed.set("channel", ref("#/channels/agencyFeed"));
        ArrayNode fed = feed.putArray("messages");
        AGENCY_FEED.stream().map(EventCatalog::of).forEach(descriptor ->
                fed.add(ref("#/channels/agencyFeed/messages/" + descriptor.type())));

        ObjectNode deadLetters = channels.putObject("deadLetters");
        deadLetters.put("address", "aduan.dlq.{service}");
        deadLetters.put("description", "Each consuming service's dead-letter topic: the events it gave up on after its "
                + "retries, unchanged, with the failure in headers; listed and re-driven as docs/dead-letters.md says.");
        ObjectNode service = deadLetters.putObject("parameters").putObject("service");
        CONSUMING_SERVICES.forEach(service.putArray("enum")::add);
        service.put("description", "The service whose consumer gave up.");
        deadLetters.putObject("messages").set("deadLetter", ref("#/components/messages/deadLetter"));
        deadLetters.set("bindings", kafkaTopic(null, 1, -1));
        ObjectNode letters = operations.putObject("consumers.deadLetter");
        letters.put("action", "send");
        letters.put("summary", "A service's consumer stores an event it could not handle");
        letters.set("channel", ref("#/channels/deadLetters"));
        letters.putArray("messages").add(ref("#/channels/deadLetters/messages/deadLetter"));
        messages.set("deadLetter", deadLetter());

        ObjectNode schemas = components.putObject("schemas");
        schemas.set("CloudEvent", cloudEvent());
        schemas.set("StructuredModeHeaders", structuredModeHeaders());
        return doc;
    }

    static String channelId(Topic topic) {
        return topic.name().toLowerCase(Locale.ROOT);
    }

    private static Stream<EventDescriptor<?>> descriptors(Topic topic) {
        return EventCatalog.all().stream().filter(descriptor -> descriptor.topic() == topic);
    }

    private static ObjectNode message(EventDescriptor<?> descriptor) {
        JsonNode schema = schema(descriptor);
        ObjectNode message = YAML.createObjectNode();
        message.put("name", descriptor.type());
        message.put("title", schema.path("title").asText());
        message.put("summary", schema.path("description").asText());
        message.put("contentType", CloudEventCodec.CONTENT_TYPE);
        message.set("headers", ref("#/components/schemas/StructuredModeHeaders"));
        ObjectNode payload = message.putObject("payload");
        ArrayNode allOf = payload.putArray("allOf");
        allOf.add(ref("#/components/schemas/CloudEvent"));
        ObjectNode specific = allOf.addObject();
        specific.put("type", "object");
        ObjectNode properties = specific.putObject("properties");
        properties.putObject("type").put("const", descriptor.type());
        properties.putObject("source").put("const", descriptor.source());
        properties.putObject("dataschema").put("const", descriptor.dataSchema());
        properties.set("data", ref(SCHEMAS_FROM_DOCS + descriptor.schemaResource()));
        message.set("bindings", kafkaKey(descriptor.topic() == Topic.COMPLAINTS
                ? "The complaint id: the event's subject and partitionkey."
                : "The event's subject and partitionkey: the complaint id, or a fixed subject for a change of reference data."));
        return message;
    }

    private static ObjectNode deadLetter() {
        ObjectNode message = YAML.createObjectNode();
        message.put("name", "deadLetter");
        message.put("title", "Dead letter");
        message.put("summary", "An event a consumer gave up on, byte for byte as it was read (any type above; or, from a "
                + "broken producer, not JSON at all), with spring-kafka's kafka_dlt-* headers saying where it came from and why.");
        message.put("contentType", CloudEventCodec.CONTENT_TYPE);
        ObjectNode headers = message.putObject("headers");
        headers.put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        properties.putObject("content-type").put("type", "string");
        for (String[] header : new String[][] {
                {"kafka_dlt-original-topic", "the topic the event was read from"},
                {"kafka_dlt-original-partition", "its partition (4-byte big-endian integer)"},
                {"kafka_dlt-original-offset", "its offset (8-byte big-endian integer)"},
                {"kafka_dlt-original-timestamp", "its timestamp (8-byte big-endian integer)"},
                {"kafka_dlt-original-consumer-group", "the consumer group that gave up on it"},
                {"kafka_dlt-exception-fqcn", "the failure's exception class"},
                {"kafka_dlt-exception-message", "the failure's message"},
                {"kafka_dlt-exception-stacktrace", "the failure's stack trace"}}) {
            properties.putObject(header[0]).put("description", header[1]);
        }
        message.set("payload", ref("#/components/schemas/CloudEvent"));
        message.set("bindings", kafkaKey("The original record's key: the event's subject."));
        return message;
    }

    private static ObjectNode cloudEvent() {
        ObjectNode schema = YAML.createObjectNode();
        schema.put("type", "object");
        schema.put("description", "A CloudEvents 1.0 event in the structured JSON format (docs/events.md, \"Envelope\"). "
                + "Consumers ignore attributes they do not know.");
        ArrayNode required = schema.putArray("required");
        Stream.of("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema", "data")
                .forEach(required::add);
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("specversion").put("const", "1.0");
        properties.putObject("id").put("type", "string").put("minLength", 1)
                .put("description", "Unique per event; consumers deduplicate on it.");
        properties.putObject("source").put("type", "string").put("format", "uri-reference")
                .put("description", "The producing service, the one writer of the type's topic, e.g. /aduan/intake-service. "
                        + "An event from any other source is dead-lettered.");
        properties.putObject("type").put("type", "string").put("description", "The versioned event type.");
        properties.putObject("subject").put("type", "string")
                .put("description", "The complaint id, or competence-rules / calendar; also the Kafka key.");
        properties.putObject("time").put("type", "string").put("format", "date-time")
                .put("description", "When it happened in the world.");
        properties.putObject("datacontenttype").put("const", "application/json");
        properties.putObject("dataschema").put("type", "string").put("format", "uri")
                .put("description", "urn:aduan:schema:<type>, the schema file of the same name in contracts.");
        properties.putObject(CloudEventCodec.PARTITION_KEY).put("type", "string")
                .put("description", "CloudEvents Partitioning extension: the subject, which is the Kafka key. "
                        + "Absent from events published before it was added.");
        properties.putObject("data").put("type", "object").put("description", "The event record as JSON.");
        return schema;
    }

    private static ObjectNode structuredModeHeaders() {
        ObjectNode schema = YAML.createObjectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("content-type").put("const", CloudEventCodec.CONTENT_TYPE)
                .put("description", "Structured content mode, written by the CloudEvents SDK's Kafka binding.");
        properties.putObject("traceparent").put("type", "string")
                .put("description", "W3C trace context of the publishing request, when there is one (docs/architecture.md).");
        return schema;
    }

    private static ObjectNode kafkaTopic(String topic, int partitions, long retentionMs) {
        ObjectNode bindings = YAML.createObjectNode();
        ObjectNode kafka = bindings.putObject("kafka");
        if (topic != null) {
            kafka.put("topic", topic);
        }
        kafka.put("partitions", partitions);
        kafka.putObject("topicConfiguration").put("retention.ms", retentionMs);
        kafka.put("bindingVersion", KAFKA_BINDING);
        return bindings;
    }

    private static ObjectNode kafkaKey(String description) {
        ObjectNode bindings = YAML.createObjectNode();
        ObjectNode kafka = bindings.putObject("kafka");
        kafka.putObject("key").put("type", "string").put("description", description);
        kafka.put("bindingVersion", KAFKA_BINDING);
        return bindings;
    }

    private static ObjectNode ref(String target) {
        return YAML.createObjectNode().put("$ref", target);
    }

    private static JsonNode schema(EventDescriptor<?> descriptor) {
        try (InputStream in = AsyncApiDocument.class.getClassLoader().getResourceAsStream(descriptor.schemaResource())) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
