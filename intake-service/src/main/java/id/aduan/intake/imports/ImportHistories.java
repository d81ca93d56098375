package id.aduan.intake.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.contracts.ComplaintIds;
import id.aduan.intake.bulk.BodyCheck;
import id.aduan.intake.complaint.Commands;
import id.aduan.intake.complaint.ImportComplaint;
import id.aduan.platform.web.ProblemResponses.FieldProblem;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Imports histories one after another, each on its own: a good one is imported even when another
 * is refused, and one imported before is reported, not stored again.
 */
@Component
class ImportHistories {

    private final BodyCheck bodies;
    private final Commands commands;
    private final EventStore events;
    private final Clock clock;

    ImportHistories(BodyCheck bodies, Commands commands, EventStore events, Clock clock) {
        this.bodies = bodies;
        this.commands = commands;
        this.events = events;
        this.clock = clock;
    }

    /** A line to import: its body, or why it could not become one. */
    record Line(int number, JsonNode body, String unreadable) {
    }

    enum Outcome {
        IMPORTED,
        ALREADY_IMPORTED,
        REJECTED
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record LineResult(int line, Outcome outcome, String trackingId, List<FieldProblem> errors) {
    }

    record ImportResult(int imported, int alreadyImported, int rejected, List<LineResult> lines) {
    }

    /** @param fieldName how the format names a field: the JSON path itself, or the CSV column */
    Mono<ImportResult> importAll(List<Line> lines, UnaryOperator<String> fieldName) {
        // One after another: the answer keeps the file's order and the event store is not flooded.
        return Flux.fromIterable(lines)
                .concatMap(line -> importOne(line).map(result -> result.errors() == null ? result
                        : new LineResult(result.line(), result.outcome(), null, result.errors().stream()
                                .map(e -> new FieldProblem(fieldName.apply(e.field()), e.message())).toList())))
                .collectList()
                .map(results -> new ImportResult(count(results, Outcome.IMPORTED), count(results, Outcome.ALREADY_IMPORTED),
                        count(results, Outcome.REJECTED), results));
    }

    private Mono<LineResult> importOne(Line line) {
        if (line.unreadable() != null) {
            return Mono.just(rejected(line, List.of(new FieldProblem("line", line.unreadable()))));
        }
        BodyCheck.Checked<LegacyHistory> checked = bodies.read(line.body(), LegacyHistory.class, "a complaint history");
        if (checked.value() == null) {
            return Mono.just(rejected(line, checked.errors()));
        }
        LegacyHistory history = checked.value();
        List<FieldProblem> problems = history.lifecycleProblems();
        if (!problems.isEmpty()) {
            return Mono.just(rejected(line, problems));
        }
        String id = ComplaintIds.fromLegacy(history.sourceApp(), history.legacyId());
        return store(line, new ImportComplaint(id, history.events(id, clock.instant())));
    }

    private Mono<LineResult> store(Line line, ImportComplaint command) {
        LineResult already = new LineResult(line.number(), Outcome.ALREADY_IMPORTED, command.complaintId(), null);
        // The event store reads synchronously: keep it off the event loop.
        return Mono.fromCallable(() -> events.lastSequenceNumberFor(command.complaintId()).isPresent())
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(stored -> stored ? Mono.just(already) : commands.create(command)
                        .thenReturn(new LineResult(line.number(), Outcome.IMPORTED, command.complaintId(), null))
                        // Another import of the same history stored it between the look-up and the write.
                        .onErrorResume(ConcurrencyException.class, sameMomentImport -> Mono.just(already)));
    }

    private static LineResult rejected(Line line, List<FieldProblem> errors) {
        return new LineResult(line.number(), Outcome.REJECTED, null, errors);
    }

    private static int count(List<LineResult> results, Outcome outcome) {
        return (int) results.stream().filter(result -> result.outcome() == outcome).count();
    }
}
