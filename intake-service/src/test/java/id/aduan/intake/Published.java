package id.aduan.intake;

import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.Topic;
import id.aduan.testkit.TopicWatcher;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** What intake published on aduan.complaints, for the channel tests. */
public final class Published {

    private Published() {
    }

    /** The submitted complaint with this tracking id, waiting for it to be published. */
    public static ComplaintSubmitted submitted(String trackingId) {
        try (TopicWatcher complaints = TopicWatcher.watch(Topic.COMPLAINTS)) {
            return complaints.awaitEvent(ComplaintSubmitted.class, trackingId, Duration.ofSeconds(30)).data();
        }
    }

    /**
     * The tracking ids of every complaint published with the marker in its description, watching
     * for the given time (after the first is published, so that a second one would show up too).
     */
    public static Set<String> trackingIdsMentioning(String marker, Duration watchFor) {
        Set<String> ids = new HashSet<>();
        try (TopicWatcher complaints = TopicWatcher.watch(Topic.COMPLAINTS)) {
            complaints.awaitRecord(record -> {
                if (CloudEventCodec.decode(record.value()).data() instanceof ComplaintSubmitted submitted
                        && submitted.description().contains(marker)) {
                    ids.add(submitted.complaintId());
                }
                return false;
            }, watchFor);
        } catch (AssertionError watchedTheWholeTime) {
            // Expected: the predicate never ends the watch.
        }
        return ids;
    }
}
