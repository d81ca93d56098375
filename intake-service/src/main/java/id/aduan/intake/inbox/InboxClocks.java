package id.aduan.intake.inbox;

import id.aduan.contracts.ComplaintEvent;
import id.aduan.contracts.EventEnvelope;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Folds sla-service's clock events from aduan.sla into the inbox; the others change nothing. */
@Component
public class InboxClocks {

    private final InboxStore store;

    InboxClocks(InboxStore store) {
        this.store = store;
    }

    public Mono<Void> on(EventEnvelope<?> envelope) {
        if (!(envelope.data() instanceof ComplaintEvent event) || ClockSet.NONE.apply(event) == ClockSet.NONE) {
            return Mono.empty();
        }
        return Mono.fromRunnable(() -> store.changeClocks(event.complaintId(), clocks -> clocks.apply(event)))
                .subscribeOn(Schedulers.boundedElastic()).then();
    }
}
