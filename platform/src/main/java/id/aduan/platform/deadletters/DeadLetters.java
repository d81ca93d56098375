package id.aduan.platform.deadletters;

import id.aduan.platform.web.ProblemResponses;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A service's dead letters (docs/dead-letters.md): what its consumers gave up on, and re-driving them
 * into this service alone, once the cause is fixed. A letter re-drove once is resolved for good.
 */
public final class DeadLetters implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterTopic topic;
    private final RedrivenLetters redriven;
    private final BindingConsumers consumers;
    private final Clock clock;
    /** Letters still waiting for a re-drive, as of the last read: the aduan_dead_letters gauge. */
    private final AtomicLong depth = new AtomicLong();

    DeadLetters(DeadLetterTopic topic, RedrivenLetters redriven, BindingConsumers consumers, Clock clock) {
        this.topic = topic;
        this.redriven = redriven;
        this.consumers = consumers;
        this.clock = clock;
    }

    /** The result of re-driving every unresolved letter: the events now handled and those that failed again. */
    public record RedriveReport(List<String> redriven, List<Failure> failed) {

        public record Failure(String eventId, String error) {
        }
    }

    long depth() {
        return depth.get();
    }

    /** Every letter on the dead-letter topic, oldest first, with whether it was re-driven. */
    public Mono<List<DeadLetter>> list() {
        return Mono.fromCallable(topic::readAll).subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(Flux::fromIterable)
                .concatMap(letter -> letter.eventId() == null ? Mono.just(letter)
                        : redriven.redrivenAt(letter.eventId()).map(letter::redriven).defaultIfEmpty(letter))
                .collectList()
                .doOnNext(letters -> depth.set(letters.stream().filter(DeadLetter::awaitsRedrive).count()));
    }

    /** The letters of one event (one per binding that gave up on it); 404 problem when there is none. */
    public Mono<List<DeadLetter>> find(String eventId) {
        return list().map(letters -> letters.stream().filter(letter -> eventId.equals(letter.eventId())).toList())
                .filter(letters -> !letters.isEmpty())
                .switchIfEmpty(Mono.error(() -> ProblemResponses.problem(HttpStatus.NOT_FOUND,
                        "No dead letter of " + topic.name() + " has event id " + eventId + ".")));
    }

    /**
     * Hands the event again to the consumer that gave up on it, here only; once it succeeded the event is
     * recorded as re-driven and a second re-drive changes nothing. A failure again is a 409 problem,
     * and the letter stays unresolved.
     */
    public Mono<List<DeadLetter>> redrive(String eventId, String by) {
        return find(eventId).flatMap(letters -> letters.get(0).resolved() ? Mono.just(letters) : redrive(letters, by));
    }

    /** Re-drives every unresolved letter, event by event in the order they were dead-lettered. */
    public Mono<RedriveReport> redriveAll(String by) {
        return list().flatMapMany(letters -> Flux.fromIterable(letters.stream().filter(DeadLetter::awaitsRedrive)
                        .collect(Collectors.groupingBy(DeadLetter::eventId, LinkedHashMap::new, Collectors.toList())).values()))
                .concatMap(ofOneEvent -> redrive(ofOneEvent, by)
                        .map(done -> new RedriveReport(List.of(ofOneEvent.get(0).eventId()), List.of()))
                        .onErrorResume(e -> Mono.just(new RedriveReport(List.of(), List.of(
                                new RedriveReport.Failure(ofOneEvent.get(0).eventId(), detailOf(e)))))))
                .reduce(new RedriveReport(List.of(), List.of()), (total, one) -> new RedriveReport(
                        concat(total.redriven(), one.redriven()), concat(total.failed(), one.failed())))
                .flatMap(report -> list().thenReturn(report));
    }

    private Mono<List<DeadLetter>> redrive(List<DeadLetter> letters, String by) {
        DeadLetter first = letters.get(0);
        return Flux.fromIterable(letters)
                .concatMap(letter -> Mono.fromRunnable(() -> handle(letter)).subscribeOn(Schedulers.boundedElastic()))
                .then(Mono.defer(() -> {
                    log.info("{} re-drove dead letter {} {} ({})", by, first.type(), first.eventId(), topic.name());
                    return redriven.record(first.eventId(), first.type(), by, clock.instant())
                            .then(redriven.redrivenAt(first.eventId()))
                            .map(recorded -> letters.stream().map(letter -> letter.redriven(recorded)).toList());
                }));
    }

    private void handle(DeadLetter letter) {
        Consumer<Message<byte[]>> consumer = consumers.of(letter.consumerGroup(), letter.originalTopic())
                .orElseThrow(() -> ProblemResponses.problem(HttpStatus.CONFLICT, "No consumer of this service reads "
                        + letter.originalTopic() + " in group " + letter.consumerGroup() + " any more."));
        try {
            consumer.accept(MessageBuilder.withPayload(letter.payload()).build());
        } catch (RuntimeException e) {
            log.warn("Re-driving {} {} failed again", letter.type(), letter.eventId(), e);
            throw ProblemResponses.problem(HttpStatus.CONFLICT, "Re-driving event " + letter.eventId()
                    + " failed again, so it stays unresolved: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        topic.close();
    }

    private static String detailOf(Throwable e) {
        return e instanceof ErrorResponseException problem ? problem.getBody().getDetail() : e.getMessage();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return b.isEmpty() ? a : Stream.concat(a.stream(), b.stream()).toList();
    }
}
