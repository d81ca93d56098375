package id.aduan.intake.reporter;

import id.aduan.platform.web.ProblemResponses;
import id.aduan.platform.security.Actor;
import id.aduan.platform.web.ProblemType;
import id.aduan.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A reporter's verified request to be erased (UU 27/2022 on personal data protection), carried out
 * by a national coordinator. Asking again answers 200 with the same erasure.
 */
@RestController
class ErasureEndpoint {

    private final ReporterErasures erasures;
    private final Clock clock;

    ErasureEndpoint(ReporterErasures erasures, Clock clock) {
        this.erasures = erasures;
        this.clock = clock;
    }

    @Operation(summary = "Erase a reporter's personal data")
    @Problems(ProblemType.RULE_VIOLATION)
    @PostMapping("/api/v1/reporters/{reporterRef}/erasure")
    @PreAuthorize("hasRole('COORDINATOR')")
    Mono<Erasure> erase(@PathVariable String reporterRef, @Valid @RequestBody ErasureRequest request,
            @AuthenticationPrincipal Jwt caller) {
        return erasures.erase(reporterRef, request, Actor.of(caller).subject(), clock.instant())
                .switchIfEmpty(Mono.error(() -> ProblemResponses.problem(HttpStatus.NOT_FOUND, "No reporter " + reporterRef + ".")));
    }
}
