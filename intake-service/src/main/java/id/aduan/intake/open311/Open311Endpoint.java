package id.aduan.intake.open311;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import id.aduan.intake.complaint.ComplaintStatus;
import id.aduan.intake.idempotency.IdempotencyKey;
import id.aduan.intake.open311.Services.Definition;
import id.aduan.intake.open311.Services.Service;
import id.aduan.intake.submit.Accepted;
import id.aduan.intake.submit.ComplaintIntake;
import id.aduan.intake.tracking.ComplaintViews;
import id.aduan.intake.tracking.ComplaintViews.PublicQuery;
import id.aduan.intake.web.RejectedInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Open311 GeoReport v2 (JSON only), so existing Open311 client apps can submit and follow
 * complaints: services from the category tree, submissions through {@link ComplaintIntake} like
 * every channel, requests from the public tracking view (docs/open311.md). Errors are Open311's
 * array of {@code {code, description}}.
 */
@RestController
@RequestMapping(path = "/open311/v2", produces = MediaType.APPLICATION_JSON_VALUE)
class Open311Endpoint {

    static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
    static final int MAX_REQUESTS = 1000;

    private final ComplaintIntake intake;
    private final ComplaintViews views;
    private final Clock clock;

    Open311Endpoint(ComplaintIntake intake, ComplaintViews views, Clock clock) {
        this.intake = intake;
        this.views = views;
        this.clock = clock;
    }

    /**
     * The answer to a submission.
     *
     * @param reporterSecret an Aduan extension: the reporter's secret (docs/tracking.md), only in the first answer
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Submitted(String serviceRequestId, String serviceNotice, String accountId, String token,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reporterSecret) {
    }

    record Error(int code, String description) {
    }

    @GetMapping("/services.json")
    List<Service> services() {
        return Services.all();
    }

    @GetMapping("/services/{serviceCode}.json")
    Definition service(@PathVariable String serviceCode) {
        return Services.definition(serviceCode).orElseThrow(() -> notFound("service_code", "no service " + serviceCode));
    }

    @PostMapping(path = "/requests.json", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @PreAuthorize("hasAnyRole('CITIZEN', 'COORDINATOR')")
    Mono<ResponseEntity<List<Submitted>>> submitForm(ServerWebExchange exchange,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt caller) {
        return exchange.getFormData().flatMap(form -> submit(form.toSingleValueMap(), idempotencyKey, caller));
    }

    @PostMapping(path = "/requests.json", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('CITIZEN', 'COORDINATOR')")
    Mono<ResponseEntity<List<Submitted>>> submitJson(@RequestBody Map<String, Object> body,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt caller) {
        return submit(formFields(body), idempotencyKey, caller);
    }

    /**
     * The request's fields as form fields: JSON clients send the attributes either as
     * {@code "attribute[region_code]"} or nested in {@code "attribute": {"region_code": ...}}.
     */
    static Map<String, String> formFields(Map<String, Object> body) {
        Map<String, String> fields = new LinkedHashMap<>();
        body.forEach((name, value) -> {
            if (value instanceof Map<?, ?> attributes && name.equals("attribute")) {
                attributes.forEach((code, attribute) -> {
                    if (attribute != null) {
                        fields.put("attribute[" + code + "]", attribute.toString());
                    }
                });
            } else if (value != null) {
                fields.put(name, value.toString());
            }
        });
        return fields;
    }

    private Mono<ResponseEntity<List<Submitted>>> submit(Map<String, String> fields, String idempotencyKey, Jwt caller) {
        ServiceRequestForm form = ServiceRequestForm.read(fields);
        return intake.submit(form.toIncoming(caller.getSubject(), clock.instant()),
                        IdempotencyKey.ofClientOrNone(caller.getSubject(), idempotencyKey))
                .map(accepted -> accepted.respond(List.of(submitted(accepted))));
    }

    private static Submitted submitted(Accepted accepted) {
        return new Submitted(accepted.trackingId(), "Laporan diterima dengan nomor " + accepted.trackingId()
                + ". Simpan reporter_secret untuk menanggapi tindak lanjutnya.", null, null, accepted.reporterSecret());
    }

    /** Public requests; {@code service_request_id} overrides every other filter, as the spec says. */
    @GetMapping("/requests.json")
    Mono<List<ServiceRequest>> requests(@RequestParam(name = "service_request_id", required = false) String ids,
            @RequestParam(name = "service_code", required = false) String serviceCode,
            @RequestParam(name = "start_date", required = false) String startDate,
            @RequestParam(name = "end_date", required = false) String endDate,
            @RequestParam(name = "status", required = false) String status) {
        PublicQuery query;
        if (ids != null && !ids.isBlank()) {
            List<String> trackingIds = Arrays.stream(ids.split(",")).map(String::strip).filter(id -> !id.isEmpty())
                    .distinct().limit(MAX_REQUESTS).toList();
            query = new PublicQuery(trackingIds, null, null, null, Set.of(), MAX_REQUESTS);
        } else {
            Instant until = instant("end_date", endDate);
            Instant from = startDate == null ? (until == null ? clock.instant() : until).minus(DEFAULT_WINDOW)
                    : instant("start_date", startDate);
            if (until != null && from.isAfter(until)) {
                throw new RejectedInput(HttpStatus.BAD_REQUEST, "start_date", "must not be after end_date");
            }
            query = new PublicQuery(List.of(), blankToNull(serviceCode), from, until, statuses(status), MAX_REQUESTS);
        }
        return views.findPublic(query).map(ServiceRequest::of).collectList();
    }

    @GetMapping("/requests/{trackingId}.json")
    Mono<List<ServiceRequest>> request(@PathVariable String trackingId) {
        return views.findPublic(trackingId).map(complaint -> List.of(ServiceRequest.of(complaint)))
                .switchIfEmpty(Mono.error(() -> notFound("service_request_id", "no public request " + trackingId)));
    }

    /** Open311's error shape for everything refused here, one entry per field at fault. */
    @ExceptionHandler(RejectedInput.class)
    ResponseEntity<List<Error>> refused(RejectedInput rejection) {
        return ResponseEntity.status(rejection.status()).contentType(MediaType.APPLICATION_JSON)
                .body(rejection.errors().stream()
                        .map(error -> new Error(rejection.status().value(), error.field() + ": " + error.message()))
                        .toList());
    }

    private static RejectedInput notFound(String field, String message) {
        return new RejectedInput(HttpStatus.NOT_FOUND, field, message);
    }

    /** Open311's open and closed, comma separated; none means both. */
    private static Set<ComplaintStatus> statuses(String status) {
        Set<ComplaintStatus> statuses = EnumSet.noneOf(ComplaintStatus.class);
        if (status == null || status.isBlank()) {
            return statuses;
        }
        for (String value : status.split(",")) {
            switch (value.strip()) {
                case ServiceRequest.OPEN -> EnumSet.complementOf(EnumSet.copyOf(ServiceRequest.CLOSED_STATUSES))
                        .forEach(statuses::add);
                case ServiceRequest.CLOSED -> statuses.addAll(ServiceRequest.CLOSED_STATUSES);
                default -> throw new RejectedInput(HttpStatus.BAD_REQUEST, "status", "must be open, closed or both");
            }
        }
        return statuses;
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // An unencoded + in a query string arrives as a space: 2026-03-01T00:00:00+07:00.
            return OffsetDateTime.parse(value.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw new RejectedInput(HttpStatus.BAD_REQUEST, field, "must be an ISO 8601 date and time such as 2026-03-01T00:00:00+07:00");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
