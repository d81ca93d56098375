package id.aduan.contracts;

/** The Kafka topics that carry Aduan's events; every event is keyed by its complaint id. */
public enum Topic {
    /** The complaint lifecycle, written by intake-service. */
    COMPLAINTS("aduan.complaints"),
    /** Routing decisions (disposisi: assignment to an agency), written by routing-service. */
    ROUTING("aduan.routing"),
    /** Working-day clocks, written by sla-service. */
    SLA("aduan.sla");

    /** Enough partitions for consumer parallelism while per-complaint order holds by key. */
    public static final int PARTITIONS = 6;

    private final String topicName;

    Topic(String topicName) {
        this.topicName = topicName;
    }

    public String topicName() {
        return topicName;
    }
}
