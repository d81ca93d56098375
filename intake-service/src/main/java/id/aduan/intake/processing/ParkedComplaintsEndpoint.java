package id.aduan.intake.processing;

import id.aduan.contracts.Codes;
import id.aduan.intake.web.RejectedInput;
import id.aduan.platform.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The complaints intake's processors parked (docs/architecture.md, "Dead letters"): the events a processor
 * kept failing on, above all the publisher's, which never reached Kafka. Once the cause is fixed a
 * coordinator retries a complaint; its events are handled again in their order.
 */
@RestController
class ParkedComplaintsEndpoint {

    private static final Pattern COMPLAINT_ID = Pattern.compile(Codes.COMPLAINT_ID);

    private final ParkedComplaints parked;

    ParkedComplaintsEndpoint(ParkedComplaints parked) {
        this.parked = parked;
    }

    /** Every parked complaint of every processor, the longest parked first; national coordinators only. */
    @Operation(summary = "List the complaints whose events are parked")
    @GetMapping("/api/v1/publishing/dead-letters")
    @PreAuthorize("hasRole('COORDINATOR')")
    Mono<List<ParkedComplaints.Parked>> list() {
        return Mono.fromCallable(parked::all).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Handles the complaint's parked events again, in order, in every processor that parked it; answers what
     * is still parked (nothing once all went through). National coordinators only.
     */
    @Operation(summary = "Handle a complaint's parked events again")
    @PostMapping("/api/v1/publishing/dead-letters/{complaintId}/retry")
    @PreAuthorize("hasRole('COORDINATOR')")
    Mono<Retried> retry(@PathVariable String complaintId) {
        if (!COMPLAINT_ID.matcher(complaintId).matches()) {
            return Mono.error(new RejectedInput(HttpStatus.BAD_REQUEST, "complaintId", "must be a complaint id (ADU-...)"));
        }
        return Mono.fromCallable(() -> {
            if (parked.of(complaintId).isEmpty()) {
                throw ProblemResponses.problem(HttpStatus.NOT_FOUND, "No parked events of complaint " + complaintId + ".");
            }
            return new Retried(complaintId, parked.retry(complaintId));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** @param stillParked what failed again, with one attempt more; empty once every event went through */
    record Retried(String complaintId, List<ParkedComplaints.Parked> stillParked) {
    }
}
