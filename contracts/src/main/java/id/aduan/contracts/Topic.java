package id.aduan.contracts;

/** The Kafka topics that carry Aduan's events; every event is keyed by its complaint id. */
public enum Topic {
    /** The complaint lifecycle, written by intake-service. */
    COMPLAINTS("aduan.complaints", "intake-service"),
    /** Routing decisions (disposisi: assignment to an agency), written by routing-service. */
    ROUTING("aduan.routing", "routing-service"),
    /** Working-day clocks, written by sla-service. */
    SLA("aduan.sla", "sla-service");

    /** Enough partitions for consumer parallelism while per-complaint order holds by key. */
    public static final int PARTITIONS = 6;

    private final String topicName;
    private final String emitter;

    Topic(String topicName, String emitter) {
        this.topicName = topicName;
        this.emitter = emitter;
    }

    public String topicName() {
        return topicName;
    }

    /** The one service that writes this topic, and so emits every event type on it. */
    public String emitter() {
        return emitter;
    }
}
