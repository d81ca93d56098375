package id.aduan.intake.processing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The complaints intake's processors parked in their dead-letter queues (docs/architecture.md, "Dead
 * letters"): a complaint is parked at the event a processor kept failing on, with every later event of it
 * queued behind, so that retrying it handles them all in their order.
 */
@Component
class ParkedComplaints {

    /** Complaints retried per processor and round: a round that meets many leaves the rest to the next. */
    private static final int RETRIES_PER_ROUND = 100;

    private static final Logger log = LoggerFactory.getLogger(ParkedComplaints.class);

    private final EventProcessingConfiguration processing;
    private final Attempts attempts;
    private final Clock clock;

    ParkedComplaints(EventProcessingConfiguration processing, Attempts attempts, Clock clock) {
        this.processing = processing;
        this.attempts = attempts;
        this.clock = clock;
    }

    /**
     * A complaint parked by one processor.
     *
     * @param events how many of its events wait, the one that failed first
     * @param eventType the (internal) type of the event that failed
     * @param attempts how often that event failed: once when parked, once more per retry
     * @param retriedAutomatically whether automatic retries are left; otherwise it waits for a coordinator
     */
    record Parked(String complaintId, String processor, long events, String eventId, String eventType,
            Instant parkedAt, Instant lastAttemptAt, int attempts, String causeType, String causeMessage,
            boolean retriedAutomatically) {
    }

    /** The processors with a dead-letter queue, by name. */
    Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues() {
        Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues = new TreeMap<>();
        processing.eventProcessors().keySet()
                .forEach(name -> processing.deadLetterQueue(name).ifPresent(queue -> queues.put(name, queue)));
        return queues;
    }

    /** Every parked complaint of every processor, the longest parked first. */
    List<Parked> all() {
        List<Parked> parked = new ArrayList<>();
        queues().forEach((processor, queue) -> queue.deadLetters().forEach(sequence -> parked.add(describe(processor, sequence))));
        parked.sort(Comparator.comparing(Parked::parkedAt).thenComparing(Parked::complaintId));
        return parked;
    }

    /** What the processors hold of one complaint. */
    List<Parked> of(String complaintId) {
        List<Parked> parked = new ArrayList<>();
        queues().forEach((processor, queue) -> {
            if (queue.contains(complaintId)) {
                parked.add(describe(processor, queue.deadLetterSequence(complaintId)));
            }
        });
        return parked;
    }

    /**
     * Handles the complaint's parked events again, in order, in every processor that parked it, whatever its
     * attempts; what still fails stays parked with one attempt more.
     *
     * @return what is still parked
     */
    List<Parked> retry(String complaintId) {
        queues().keySet().forEach(processor -> deadLetterProcessor(processor)
                .process(letter -> complaintId.equals(complaintOf(letter))));
        return of(complaintId);
    }

    /** Retries the complaints whose backoff passed and whose automatic retries are not used up. */
    void retryDue() {
        for (String processor : queues().keySet()) {
            SequencedDeadLetterProcessor<EventMessage<?>> retrying = deadLetterProcessor(processor);
            Instant now = clock.instant();
            int retried = 0;
            while (retried < RETRIES_PER_ROUND && retrying.process(letter -> attempts.dueForRetry(letter, now))) {
                retried++;
            }
            if (retried > 0) {
                log.info("{} parked complaints of {} went through on retry", retried, processor);
            }
        }
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> deadLetterProcessor(String processor) {
        return processing.sequencedDeadLetterProcessor(processor).orElseThrow();
    }

    private Parked describe(String processor, Iterable<DeadLetter<? extends EventMessage<?>>> sequence) {
        Iterator<DeadLetter<? extends EventMessage<?>>> letters = sequence.iterator();
        DeadLetter<? extends EventMessage<?>> first = letters.next();
        long events = 1;
        for (; letters.hasNext(); letters.next()) {
            events++;
        }
        int tried = Attempts.of(first);
        return new Parked(complaintOf(first), processor, events, first.message().getIdentifier(),
                first.message().getPayloadType().getSimpleName(), first.enqueuedAt(), first.lastTouched(), tried,
                first.cause().map(Cause::type).orElse(null), first.cause().map(Cause::message).orElse(null),
                attempts.retriesLeft(first));
    }

    /** The processors sequence events per aggregate: a letter's sequence is its complaint. */
    static String complaintOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.message() instanceof DomainEventMessage<?> event ? event.getAggregateIdentifier() : null;
    }
}
