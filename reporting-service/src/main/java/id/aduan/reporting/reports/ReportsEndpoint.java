package id.aduan.reporting.reports;

import id.aduan.contracts.Codes;
import id.aduan.platform.security.Actor;
import id.aduan.platform.security.Role;
import id.aduan.platform.web.CsvText;
import id.aduan.platform.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Figures for national coordinators and the Ombudsman across the nation, regions and agencies, and
 * for each agency on its own (docs/metrics.md). Every answer is JSON, or CSV when the caller
 * accepts {@code text/csv}.
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportsEndpoint {

    private static final String AGENCY_CODE = "must be an agency code such as 32.73.DUKCAPIL or KEMENKES";
    private static final String REGION_CODE = "must be a Kemendagri region code such as 32, 32.73 or 32.73.01";

    private final ReportQueries reports;
    private final OverdueQueries overdue;

    ReportsEndpoint(ReportQueries reports, OverdueQueries overdue) {
        this.reports = reports;
        this.overdue = overdue;
    }

    @Operation(summary = "Report the nation's figures over a period")
    @GetMapping("/national")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OMBUDSMAN')")
    Mono<ResponseEntity<Object>> national(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String interval, ServerWebExchange exchange) {
        return answer(exchange, "national",
                reports.nationalReport(ReportPeriod.parse(from, to), ReportPeriod.Interval.parse(interval)), ReportCsv::report);
    }

    @Operation(summary = "Report a region's figures over a period")
    @GetMapping("/regions/{code}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OMBUDSMAN')")
    Mono<ResponseEntity<Object>> region(
            @PathVariable @Pattern(regexp = Codes.REGION, message = REGION_CODE) String code,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String interval, ServerWebExchange exchange) {
        return answer(exchange, "region-" + code, reports.regionReport(
                code, ReportPeriod.parse(from, to), ReportPeriod.Interval.parse(interval)), ReportCsv::report);
    }

    /** Coordinators and the Ombudsman read any agency's figures; an agency admin only its own. */
    @Operation(summary = "Report an agency's figures over a period")
    @GetMapping("/agencies/{code}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OMBUDSMAN', 'AGENCY')")
    Mono<ResponseEntity<Object>> agency(
            @PathVariable @Pattern(regexp = Codes.AGENCY, message = AGENCY_CODE) String code,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String interval, @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return mayRead(jwt, code).then(Mono.defer(() -> answer(exchange, "agency-" + code, reports.agencyReport(
                code, ReportPeriod.parse(from, to), ReportPeriod.Interval.parse(interval)), ReportCsv::report)));
    }

    @Operation(summary = "Rank regions or agencies by one figure")
    @GetMapping("/rankings")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OMBUDSMAN')")
    Mono<ResponseEntity<Object>> rankings(
            @RequestParam String metric,
            @RequestParam String level,
            @RequestParam(required = false) @Pattern(regexp = Codes.REGION, message = REGION_CODE) String within,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "desc") String order,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "must be 1 to 500")
            @Max(value = 500, message = "must be 1 to 500") int size,
            ServerWebExchange exchange) {
        if (!Figures.METRICS.contains(metric)) {
            throw ProblemResponses.invalidField("metric", "must be one of " + String.join(", ", Figures.METRICS));
        }
        Ranking.Level rankedLevel = rankingLevel(level);
        if (!order.equals("desc") && !order.equals("asc")) {
            throw ProblemResponses.invalidField("order", "must be asc or desc");
        }
        return answer(exchange, "ranking-" + metric + "-" + rankedLevel.name().toLowerCase(Locale.ROOT),
                reports.ranking(metric, rankedLevel, within, ReportPeriod.parse(from, to), order.equals("desc"), page, size),
                ReportCsv::ranking);
    }

    /** Overdue complaints; an agency admin must name its own agency and sees only its own clocks. */
    @Operation(summary = "List the complaints overdue now")
    @GetMapping("/overdue")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OMBUDSMAN', 'AGENCY')")
    Mono<ResponseEntity<Object>> overdue(
            @RequestParam(required = false) @Pattern(regexp = Codes.AGENCY, message = AGENCY_CODE) String agency,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "must be 1 to 500")
            @Max(value = 500, message = "must be 1 to 500") int size,
            @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return mayRead(jwt, agency).then(Mono.defer(() -> answer(exchange, agency == null ? "overdue" : "overdue-" + agency,
                overdue.overdue(agency, page, size), ReportCsv::overdue)));
    }

    private static Ranking.Level rankingLevel(String level) {
        try {
            return Ranking.Level.valueOf(level.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemResponses.invalidField("level", "must be province, regency, district or agency");
        }
    }

    /** Coordinators and the Ombudsman read everything; an agency admin its own agency's figures only. */
    private static Mono<Void> mayRead(Jwt jwt, String agencyCode) {
        Actor actor = Actor.of(jwt);
        if (actor.has(Role.COORDINATOR) || actor.has(Role.OMBUDSMAN) || actor.actsFor(agencyCode)) {
            return Mono.empty();
        }
        return Mono.error(new AccessDeniedException("agency " + actor.agencyCode() + " may not read " + agencyCode));
    }

    /** JSON, or CSV as a download when the caller accepts text/csv rather than JSON. */
    private static <T> Mono<ResponseEntity<Object>> answer(ServerWebExchange exchange, String name, Mono<T> body,
            Function<T, String> csv) {
        if (!CsvText.wanted(exchange.getRequest().getHeaders())) {
            return body.map(value -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(value));
        }
        return body.map(value -> CsvText.download(name, csv.apply(value)));
    }
}
