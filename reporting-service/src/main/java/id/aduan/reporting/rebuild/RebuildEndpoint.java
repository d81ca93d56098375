package id.aduan.reporting.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A coordinator drops and rebuilds the read model from the topics, and anyone who reads reports sees how far it is. */
@RestController
@RequestMapping("/api/v1/reports/rebuild")
class RebuildEndpoint {

    private final ReadModelRebuild rebuild;

    RebuildEndpoint(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** 202 and the rebuild's status; 409 when one is already running. */
    @PostMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    Mono<ResponseEntity<ReadModelRebuild.Status>> start() {
        return Mono.fromCallable(() -> {
            boolean started = rebuild.start();
            return ResponseEntity.status(started ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT).body(rebuild.status());
        });
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OMBUDSMAN')")
    Mono<ReadModelRebuild.Status> status() {
        return Mono.fromSupplier(rebuild::status);
    }
}
