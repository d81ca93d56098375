package id.aduan.platform.deadletters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.platform.security.Actor;
import id.aduan.platform.web.ProblemResponses;
import id.aduan.platform.web.ProblemType;
import id.aduan.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The service's dead letters for national coordinators (docs/dead-letters.md). The path names the
 * service, so the gateway can route each service's letters to it.
 */
@RestController
@RequestMapping("/api/v1/dead-letters/{service}")
@PreAuthorize("hasRole('COORDINATOR')")
class DeadLettersEndpoint {

    private static final int MAX_EVENT_ID_LENGTH = 200;

    private final DeadLetters deadLetters;
    private final String serviceName;
    private final ObjectMapper json;

    DeadLettersEndpoint(DeadLetters deadLetters, String serviceName, ObjectMapper json) {
        this.deadLetters = deadLetters;
        this.serviceName = serviceName;
        this.json = json;
    }

    /** One letter with the full CloudEvent it holds (a string when the message was not JSON). */
    record Inspected(DeadLetter letter, JsonNode event) {
    }

    /** Messages the consumers gave up on after their retries, oldest first, with whether a coordinator re-drove them. */
    @Operation(summary = "List the service's dead letters")
    @GetMapping
    Mono<List<DeadLetter>> list(@PathVariable String service) {
        return ofThisService(service).then(deadLetters.list());
    }

    /** The letters of one event id (one per consumer that gave up on it), each with the full CloudEvent JSON. */
    @Operation(summary = "Show the dead letters of one event, with the event itself")
    @GetMapping("/{eventId}")
    Mono<List<Inspected>> show(@PathVariable String service, @PathVariable String eventId) {
        return ofThisService(service).then(validId(eventId)).then(deadLetters.find(eventId))
                .map(letters -> letters.stream().map(letter -> new Inspected(letter, event(letter))).toList());
    }

    /**
     * Hands the event again to this service's consumer that gave up on it, once the cause is fixed. Once it
     * succeeded the letter is resolved and re-driving it again changes nothing; 409 when it fails again.
     */
    @Operation(summary = "Re-drive one event to the consumer that gave up on it")
    @Problems(ProblemType.CONFLICT)
    @PostMapping("/{eventId}/redrive")
    Mono<List<DeadLetter>> redrive(@PathVariable String service, @PathVariable String eventId,
            @AuthenticationPrincipal Jwt caller) {
        return ofThisService(service).then(validId(eventId)).then(deadLetters.redrive(eventId, Actor.of(caller).subject()));
    }

    /** Every unresolved letter, in the order they were dead-lettered: which events were handled, which failed again. */
    @Operation(summary = "Re-drive every unresolved dead letter")
    @PostMapping("/redrive")
    Mono<DeadLetters.RedriveReport> redriveAll(@PathVariable String service, @AuthenticationPrincipal Jwt caller) {
        return ofThisService(service).then(deadLetters.redriveAll(Actor.of(caller).subject()));
    }

    /** Reached directly rather than through the gateway, another service's name finds nothing here. */
    private Mono<Void> ofThisService(String service) {
        return serviceName.equals(service) ? Mono.empty() : Mono.error(ProblemResponses.problem(HttpStatus.NOT_FOUND,
                "This is " + serviceName + "; it holds no dead letters of " + service + "."));
    }

    private static Mono<Void> validId(String eventId) {
        return eventId.isBlank() || eventId.length() > MAX_EVENT_ID_LENGTH
                ? Mono.error(ProblemResponses.invalidField("eventId", "must be 1 to " + MAX_EVENT_ID_LENGTH + " characters"))
                : Mono.empty();
    }

    private JsonNode event(DeadLetter letter) {
        try {
            return json.readTree(letter.payload());
        } catch (IOException notJson) {
            return json.getNodeFactory().textNode(new String(letter.payload(), StandardCharsets.UTF_8));
        }
    }
}
