package id.aduan.routing.history;

/** A step could not be published now but is listed in {@code decisions-unpublished}: the outbox sweep publishes it later. */
public class LeftForTheSweep extends RuntimeException {

    LeftForTheSweep(String eventId, Throwable cause) {
        super("Routing step " + eventId + " listed for the sweep: " + cause, cause);
    }
}
