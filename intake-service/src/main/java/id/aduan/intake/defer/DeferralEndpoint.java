package id.aduan.intake.defer;

import id.aduan.intake.complaint.Commands;
import id.aduan.intake.complaint.Commands.StatusAnswer;
import id.aduan.intake.complaint.DeferComplaint;
import id.aduan.intake.complaint.ReporterSecret;
import id.aduan.intake.complaint.SupplyInformation;
import id.aduan.platform.web.ProblemType;
import id.aduan.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The round trip of a deferral: the coordinator asks, the reporter answers. */
@RestController
class DeferralEndpoint {

    private final Commands commands;
    private final Clock clock;

    DeferralEndpoint(Commands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @Operation(summary = "Defer a complaint until the reporter supplies information")
    @Problems({ProblemType.CONFLICT, ProblemType.RULE_VIOLATION})
    @PostMapping("/api/v1/complaints/{id}/deferral")
    @PreAuthorize("hasRole('COORDINATOR')")
    Mono<StatusAnswer> defer(@PathVariable String id, @Valid @RequestBody DeferralRequest request) {
        return commands.answer(id, new DeferComplaint(id, request.question(), clock.instant()));
    }

    @Operation(summary = "Supply the information a deferred complaint waits for")
    @Problems({ProblemType.CONFLICT, ProblemType.RULE_VIOLATION})
    @PostMapping("/api/v1/complaints/{id}/information")
    @PreAuthorize("hasRole('CITIZEN')")
    Mono<StatusAnswer> supply(@PathVariable String id, @Valid @RequestBody InformationAnswer answer,
            @RequestHeader(name = ReporterSecret.HEADER, required = false) String secret) {
        return commands.answer(id, new SupplyInformation(id, answer.information(), clock.instant(), ReporterSecret.hash(secret)));
    }
}
