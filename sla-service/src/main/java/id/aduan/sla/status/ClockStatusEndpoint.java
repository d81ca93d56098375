package id.aduan.sla.status;

import static id.aduan.platform.web.ProblemResponses.problem;

import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.platform.security.Actor;
import id.aduan.platform.security.Role;
import id.aduan.sla.clock.ClockRules;
import id.aduan.sla.clock.ClockStore;
import id.aduan.sla.clock.SlaClock;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Where a complaint's clocks stand now: for the coordinators and the Ombudsman all of them, for an agency its own and the citizen's term. */
@RestController
class ClockStatusEndpoint {

    private final ClockStore store;
    private final ClockRules rules;
    private final Clock clock;

    ClockStatusEndpoint(ClockStore store, ClockRules rules, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.clock = clock;
    }

    record ClockStatus(String clockId, ClockKind kind, String agencyCode, String zone, Instant startedAt,
            int workingDays, LocalDate dueDate, Instant dueAt, String state, Instant stoppedAt,
            int workingDaysUsed, int workingDaysLeft) {
    }

    record ComplaintSla(String complaintId, List<ClockStatus> clocks) {
    }

    @Operation(summary = "Read a complaint's SLA clocks")
    @GetMapping("/api/v1/complaints/{id}/sla")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OMBUDSMAN', 'AGENCY')")
    Mono<ComplaintSla> sla(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
        Actor actor = Actor.of(token);
        Instant now = clock.instant();
        return store.clocksOf(id).collectList().map(clocks -> {
            if (clocks.isEmpty()) {
                throw problem(HttpStatus.NOT_FOUND, "No clock for complaint " + id + ".");
            }
            boolean seesAll = actor.has(Role.COORDINATOR) || actor.has(Role.OMBUDSMAN);
            // An agency that had to act on the complaint also sees the citizen's end-to-end term it counts towards.
            boolean involved = clocks.stream().anyMatch(c -> actor.actsFor(c.agencyCode()));
            List<SlaClock> visible = clocks.stream().filter(c -> seesAll || actor.actsFor(c.agencyCode())
                    || (involved && c.kind() == ClockKind.END_TO_END)).toList();
            if (visible.isEmpty()) {
                throw problem(HttpStatus.FORBIDDEN, "Complaint " + id + " has no clock of your agency.");
            }
            return new ComplaintSla(id, visible.stream().map(c -> status(c, now)).toList());
        });
    }

    private ClockStatus status(SlaClock c, Instant now) {
        ClockRules.Progress progress = rules.progress(c, now);
        return new ClockStatus(c.id(), c.kind(), c.agencyCode(), c.zone().getId(), c.startedAt(), c.workingDays(),
                c.dueDate(), c.dueAt(), c.state(), c.stoppedAt(),
                progress.used(), progress.left());
    }

}
