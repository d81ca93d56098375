package id.aduan.routing.rules;

import id.aduan.platform.security.Actor;
import id.aduan.platform.web.ProblemType;
import id.aduan.platform.web.Problems;
import id.aduan.routing.decision.CompetenceRule;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The competence rules in force and how they came to be; coordinators replace them. The ETag is the
 * version: a PUT with {@code If-Match} is refused (412) when someone changed the rules since.
 */
@RestController
class RulesEndpoint {

    /** The set in force, and every change before it, newest first. */
    record RulesInForce(int revision, String version, String changedBy, Instant changedAt, String reason,
            List<CompetenceRule> rules, List<Change> history) {
    }

    record Change(int revision, String version, String previousVersion, String changedBy, Instant changedAt, String reason,
            int ruleCount) {

        static Change of(RuleSet set) {
            return new Change(set.revision(), set.version(), set.previousVersion(), set.changedBy(), set.changedAt(), set.reason(),
                    set.rules().size());
        }
    }

    private final RuleBook book;
    private final Clock clock;

    RulesEndpoint(RuleBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    @Operation(summary = "Read the competence rules in force")
    @GetMapping("/api/v1/routing/rules")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OMBUDSMAN', 'AGENCY')")
    Mono<ResponseEntity<RulesInForce>> rules() {
        return book.current().flatMap(this::answer);
    }

    @Operation(summary = "Replace the competence rules")
    @Problems({ProblemType.PRECONDITION_FAILED, ProblemType.CONFLICT})
    @PutMapping("/api/v1/routing/rules")
    @PreAuthorize("hasRole('COORDINATOR')")
    Mono<ResponseEntity<RulesInForce>> change(@Valid @RequestBody RuleChangeRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, @AuthenticationPrincipal Jwt token) {
        String basedOn = ifMatch == null ? null : ifMatch.replace("W/", "").replace("\"", "").trim();
        return book.change(request.competenceRules(), Actor.of(token).subject(), request.reason(), basedOn, clock.instant())
                .flatMap(this::answer);
    }

    private Mono<ResponseEntity<RulesInForce>> answer(RuleSet set) {
        return book.history().map(Change::of).collectList()
                .map(history -> ResponseEntity.ok().eTag("\"" + set.version() + "\"").body(new RulesInForce(set.revision(),
                        set.version(), set.changedBy(), set.changedAt(), set.reason(), set.rules(), history)));
    }
}
