package id.aduan.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.ZoneOffset;

/**
 * Turns envelopes into CloudEvents 1.0 (the SDK's {@link CloudEvent}) and reads them back, in the
 * structured JSON format: the whole envelope in the Kafka record's value, written through the SDK's
 * Kafka binding (platform {@code EventPublisher}). Unknown data fields are ignored so that a v1 type may
 * gain optional fields.
 */
public final class CloudEventCodec {

    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    /**
     * The CloudEvents Partitioning extension: the key the event is partitioned by, the subject (the
     * complaint id), so that the Kafka key is part of the event wherever it travels.
     */
    public static final String PARTITION_KEY = "partitionkey";

    /** The structured JSON format, to write an event with the SDK's protocol bindings. */
    public static final EventFormat FORMAT = new JsonFormat();

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private CloudEventCodec() {
    }

    /** The envelope in structured JSON, as it is the value of a Kafka record and the body of a webhook call. */
    public static byte[] encode(EventEnvelope<?> envelope) {
        return FORMAT.serialize(toCloudEvent(envelope));
    }

    public static CloudEvent toCloudEvent(EventEnvelope<?> envelope) {
        EventDescriptor<?> descriptor = envelope.descriptor();
        return CloudEventBuilder.v1()
                .withId(envelope.id())
                .withSource(URI.create(envelope.source()))
                .withType(descriptor.type())
                .withSubject(envelope.subject())
                .withTime(envelope.time().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withDataSchema(URI.create(descriptor.dataSchema()))
                .withExtension(PARTITION_KEY, envelope.subject())
                .withData(writeData(envelope.data()))
                .build();
    }

    /**
     * Reads an envelope written by {@link #encode}.
     *
     * @throws MalformedEventException when the bytes are not a CloudEvent of a known type with valid data,
     *         or its source is not the service that emits that type: a forged event, which retrying will not mend
     */
    public static EventEnvelope<?> decode(byte[] bytes) {
        CloudEvent event;
        try {
            event = FORMAT.deserialize(bytes);
        } catch (RuntimeException e) {
            throw new MalformedEventException("not a CloudEvents 1.0 JSON event: " + e.getMessage(), e);
        }
        EventDescriptor<?> descriptor = EventCatalog.byType(event.getType())
                .orElseThrow(() -> new MalformedEventException("unknown event type " + event.getType(), null));
        if (event.getData() == null) {
            throw new MalformedEventException(event.getType() + " " + event.getId() + " has no data", null);
        }
        // Whoever can write to a topic could otherwise speak for another service (docs/security.md, "Forged events").
        if (!descriptor.source().equals(String.valueOf(event.getSource()))) {
            throw new MalformedEventException(event.getType() + " " + event.getId() + " comes from " + event.getSource()
                    + ", but only " + descriptor.source() + " emits it", null);
        }
        try {
            AduanEvent data = JSON.readValue(event.getData().toBytes(), descriptor.javaType());
            return new EventEnvelope<>(event.getId(), event.getSource().toString(), data);
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException("invalid data in " + event.getType() + " " + event.getId()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The JSON of an event's data, as it appears in the envelope. */
    public static byte[] writeData(AduanEvent data) {
        try {
            return JSON.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
