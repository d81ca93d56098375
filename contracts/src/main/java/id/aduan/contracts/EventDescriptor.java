package id.aduan.contracts;

/**
 * What the catalogue knows of one event record: its CloudEvents type, its topic (and so the service that
 * emits it) and its JSON Schema.
 *
 * @param schemaResource classpath location of the JSON Schema of the event's data
 */
public record EventDescriptor<T extends AduanEvent>(String type, Topic topic, Class<T> javaType, String schemaResource) {

    /** The CloudEvents {@code dataschema}: a URN naming the schema, which docs/events.md resolves. */
    public String dataSchema() {
        return "urn:aduan:schema:" + type;
    }

    /** The CloudEvents {@code source} of every genuine event of this type: its topic's emitter, as EventPublisher names it. */
    public String source() {
        return "/aduan/" + topic.emitter();
    }
}
