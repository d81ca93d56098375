package id.aduan.reporting.complaints;

import id.aduan.contracts.Codes;
import id.aduan.platform.security.Actor;
import id.aduan.platform.security.Role;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Figures for national coordinators and the Ombudsman across all agencies, and for each agency on its own. */
@RestController
@RequestMapping("/api/v1/reports")
class ReportsEndpoint {

    private final ComplaintReadModel readModel;

    ReportsEndpoint(ComplaintReadModel readModel) {
        this.readModel = readModel;
    }

    @GetMapping("/national")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OMBUDSMAN')")
    Mono<NationalFigures> national() {
        return readModel.national();
    }

    /** Coordinators and the Ombudsman read any agency's figures; an agency admin only its own. */
    @GetMapping("/agencies/{code}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OMBUDSMAN', 'AGENCY')")
    Mono<AgencyFigures> agency(
            @PathVariable @Pattern(regexp = Codes.AGENCY, message = "must be an agency code such as 32.73.DUKCAPIL or KEMENKES")
            String code,
            @AuthenticationPrincipal Jwt jwt) {
        Actor actor = Actor.of(jwt);
        if (!(actor.has(Role.COORDINATOR) || actor.has(Role.OMBUDSMAN) || actor.actsFor(code))) {
            return Mono.error(new AccessDeniedException("agency " + actor.agencyCode() + " may not read " + code));
        }
        return readModel.agency(code);
    }
}
