package id.aduan.intake.inbox;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.stereotype.Component;

/**
 * Folds intake's events into the inbox, in its own tracking processor. The row changes in the
 * processor's transaction, which also moves its token, so an event is applied once; and applying
 * one again would change nothing anyway ({@link InboxEntry}).
 */
@Component
@ProcessingGroup(InboxProjection.PROCESSING_GROUP)
class InboxProjection {

    static final String PROCESSING_GROUP = "complaint-inbox";

    private final InboxStore store;

    InboxProjection(InboxStore store) {
        this.store = store;
    }

    /** Every event of a complaint's stream; those the inbox does not show change nothing. */
    @EventHandler
    void on(Object event, @SourceId String complaintId, @SequenceNumber Long sequence) {
        InboxEntry probe = InboxEntry.EMPTY.apply(sequence, event);
        if (probe != InboxEntry.EMPTY) {
            store.changeEntry(complaintId, entry -> entry.apply(sequence, event));
        }
    }

    /** A replay from the start folds every event again into entries forgotten first. */
    @ResetHandler
    void reset() {
        store.forgetEntries();
    }
}
