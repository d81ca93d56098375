package id.aduan.reporting.rebuild;

import id.aduan.platform.web.ProblemResponses;
import id.aduan.platform.web.ProblemType;
import id.aduan.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A coordinator rebuilds the read model from the topics beside the live one, which the reports keep
 * reading until the new one has caught up; anyone who reads reports sees how far it is.
 */
@RestController
@RequestMapping("/api/v1/reports/rebuild")
class RebuildEndpoint {

    private final ReadModelRebuild rebuild;

    RebuildEndpoint(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** 202 and the rebuild's status; 409 problem+json when one is running already, here or on another instance. */
    @Operation(summary = "Start rebuilding the read model from the events")
    @Problems(ProblemType.CONFLICT)
    @ApiResponse(responseCode = "202", description = "Started: the rebuild's status", useReturnTypeSchema = true)
    @PostMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    Mono<ResponseEntity<ReadModelRebuild.Status>> start() {
        return Mono.fromCallable(() -> {
                    if (!rebuild.start()) {
                        throw ProblemResponses.problem(HttpStatus.CONFLICT, "A rebuild of the read model is running already; "
                                + "GET /api/v1/reports/rebuild on its instance says how far it is.");
                    }
                    return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.status());
                })
                // Claiming the rebuild is a MongoDB round trip: off the event loop.
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The last rebuild's status: its phase, and records read out of records to read. */
    @Operation(summary = "Read the last rebuild's status")
    @GetMapping
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OMBUDSMAN')")
    Mono<ReadModelRebuild.Status> status() {
        return Mono.fromSupplier(rebuild::status);
    }
}
