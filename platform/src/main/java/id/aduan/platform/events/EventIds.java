package id.aduan.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Ids of events emitted in reaction to another event. */
public final class EventIds {

    private EventIds() {
    }

    /**
     * The same cause and purpose always give the same id, so reacting twice to a redelivered event
     * emits the same event twice, which every consumer then skips as already handled.
     */
    public static String derived(String causeEventId, String purpose) {
        return UUID.nameUUIDFromBytes((causeEventId + "/" + purpose).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
