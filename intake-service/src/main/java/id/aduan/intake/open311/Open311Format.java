package id.aduan.intake.open311;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Open311's two formats, chosen as the spec does by the resource's suffix ({@code services.xml},
 * {@code requests.json}). Both are written from the same records: the XML is the JSON tree with a
 * root element, and each array's items named after it ({@code <services><service>}). A field
 * without a value is left out of both, never {@code null} or empty.
 */
enum Open311Format {

    JSON(".json", new MediaType("application", "json", StandardCharsets.UTF_8)),
    XML(".xml", new MediaType("text", "xml", StandardCharsets.UTF_8));

    /** Open311's own date-times (ISO 8601 with the zone) and no absent fields, whatever the service's mapper does. */
    static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    /** The element of each item of an array, by the array's name, as the spec's examples name them. */
    private static final Map<String, String> ITEMS = Map.of("services", "service", "service_requests", "request",
            "errors", "error", "attributes", "attribute", "values", "value", "endpoints", "endpoint", "formats", "format");
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();

    private final String suffix;
    private final MediaType mediaType;

    Open311Format(String suffix, MediaType mediaType) {
        this.suffix = suffix;
        this.mediaType = mediaType;
    }

    /** The format the path asks for; JSON when it names none (an error about a path outside the facade). */
    static Open311Format of(ServerHttpRequest request) {
        return request.getPath().value().endsWith(XML.suffix) ? XML : JSON;
    }

    /**
     * @param root the XML root element ({@code services}, {@code service_definition}, {@code discovery}...);
     *     an array's items are named after it
     */
    ResponseEntity<byte[]> answer(HttpStatusCode status, String root, Object body) {
        return ResponseEntity.status(status).contentType(mediaType).body(render(root, body));
    }

    /** The answer's status and headers, its body rendered. */
    ResponseEntity<byte[]> answer(ResponseEntity<?> answer, String root) {
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).contentType(mediaType)
                .body(render(root, answer.getBody()));
    }

    byte[] render(String root, Object body) {
        JsonNode tree = MAPPER.valueToTree(body);
        if (this == JSON) {
            return tree.toString().getBytes(StandardCharsets.UTF_8);
        }
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            element(xml, root, tree);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Open311 answer not writable as XML", e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void element(XMLStreamWriter xml, String name, JsonNode value) throws XMLStreamException {
        if (value.isNull() || value.isMissingNode()) {
            return;
        }
        xml.writeStartElement(name);
        if (value.isArray()) {
            String item = ITEMS.getOrDefault(name, "item");
            for (JsonNode each : value) {
                element(xml, item, each);
            }
        } else if (value.isObject()) {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                element(xml, field.getKey(), field.getValue());
            }
        } else {
            xml.writeCharacters(xmlText(value.asText()));
        }
        xml.writeEndElement();
    }

    /** Without the control characters XML 1.0 cannot carry, which a description typed anywhere may hold. */
    static String xmlText(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
    }
}
