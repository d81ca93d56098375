package id.aduan.intake.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.aduan.contracts.ComplaintEvent;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Folds sla-service's clock events from aduan.sla into the inbox (the others change nothing), and
 * shows a complaint's clocks to its case file.
 */
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

    /**
     * One SLA clock of a complaint.
     *
     * @param dueAt when it falls due, moved on by every pause; null when only its pause or stop is known yet
     * @param paused whether it waits for the reporter
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClockView(String clockId, ClockKind kind, String agencyCode, Instant dueAt, boolean paused, boolean stopped) {
    }

    /**
     * When each of these complaints is next due, for those with a running deadline: the clock the
     * inbox sorts by, which binds the coordinators or an agency (never the reporter's own clocks).
     */
    public Mono<Map<String, Instant>> nextDue(Collection<String> complaintIds) {
        return Mono.fromCallable(() -> store.nextDue(complaintIds)).subscribeOn(Schedulers.boundedElastic());
    }

    /** The complaint's clocks, those that fall due first first. */
    public Mono<List<ClockView>> of(String complaintId) {
        return Mono.fromCallable(() -> store.clocks(complaintId).clocks().entrySet().stream()
                        .map(entry -> new ClockView(entry.getKey(), entry.getValue().kind(), entry.getValue().agencyCode(),
                                entry.getValue().dueAt().value(), Boolean.TRUE.equals(entry.getValue().paused().value()),
                                entry.getValue().stopped()))
                        .sorted(Comparator.comparing(ClockView::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
                                .thenComparing(ClockView::clockId))
                        .toList())
                .subscribeOn(Schedulers.boundedElastic());
    }
}
