package id.aduan.intake.open311;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import id.aduan.intake.complaint.ComplaintStatus;
import id.aduan.intake.idempotency.IdempotencyKey;
import id.aduan.intake.inbox.InboxClocks;
import id.aduan.intake.open311.apikeys.ClientApps;
import id.aduan.intake.submit.Accepted;
import id.aduan.intake.submit.ComplaintIntake;
import id.aduan.intake.tracking.ComplaintViews.PublicQuery;
import id.aduan.intake.tracking.ComplaintViews;
import id.aduan.intake.tracking.Tracking;
import id.aduan.intake.web.RejectedInput;
import id.aduan.platform.security.Actor;
import id.aduan.platform.security.Role;
import id.aduan.platform.web.OwnErrorFormat;
import id.aduan.reference.Categories;
import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
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
 * Open311 GeoReport v2, so stock Open311 client apps can submit and follow complaints: XML or JSON
 * by the resource's suffix, the discovery document, services from the category tree, submissions
 * through {@link ComplaintIntake} like every channel, by a bearer token or a registered client app's
 * {@code api_key}, requests from the public tracking view (docs/open311.md). Errors are Open311's
 * list of {@code {code, description}}, in the format asked for.
 */
@RestController
@OwnErrorFormat("Open311 GeoReport v2: errors as a list of code and description")
@RequestMapping(Open311Endpoint.BASE_PATH)
class Open311Endpoint {

    static final String BASE_PATH = "/open311/v2";
    static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
    static final int MAX_REQUESTS = 1000;
    /** The submitter a client app's submissions are made as: its uploads and idempotency keys are its own. */
    static final String CLIENT_APP_SUBMITTER = "open311-app:";
    static final String API_KEY = "api_key";
    static final String JURISDICTION_ID = "jurisdiction_id";
    private static final String REQUESTS = "service_requests";

    private final ComplaintIntake intake;
    private final ComplaintViews views;
    private final InboxClocks clocks;
    private final ClientApps apps;
    private final Open311Settings settings;
    private final Clock clock;

    Open311Endpoint(ComplaintIntake intake, ComplaintViews views, InboxClocks clocks, ClientApps apps,
            Open311Settings settings, Clock clock) {
        this.intake = intake;
        this.views = views;
        this.clocks = clocks;
        this.apps = apps;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The answer to a submission: the tracking id at once (no {@code token} step), so neither
     * {@code token} nor {@code account_id} is ever given.
     *
     * @param reporterSecret an Aduan extension: the reporter's secret (docs/tracking.md), only in the first answer
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Submitted(String serviceRequestId, String serviceNotice, String reporterSecret) {
    }

    record Error(int code, String description) {
    }

    @GetMapping({"/discovery.json", "/discovery.xml"})
    @Operation(summary = "The service discovery document: where and how this Open311 endpoint is served")
    ResponseEntity<byte[]> discovery(ServerHttpRequest request) {
        return Open311Format.of(request).answer(HttpStatus.OK, "discovery", Discovery.of(settings));
    }

    @GetMapping({"/services.json", "/services.xml"})
    @Operation(summary = "The services (categories) a request may be filed under")
    ResponseEntity<byte[]> services(@RequestParam(name = JURISDICTION_ID, required = false) String jurisdictionId,
            ServerHttpRequest request) {
        servedHere(jurisdictionId);
        return Open311Format.of(request).answer(HttpStatus.OK, "services", Services.all());
    }

    @GetMapping({"/services/{serviceCode}.json", "/services/{serviceCode}.xml"})
    @Operation(summary = "One service's definition: the attributes a request for it takes")
    ResponseEntity<byte[]> service(@PathVariable String serviceCode,
            @RequestParam(name = JURISDICTION_ID, required = false) String jurisdictionId, ServerHttpRequest request) {
        servedHere(jurisdictionId);
        Services.Definition definition = Services.definition(serviceCode)
                .orElseThrow(() -> notFound("service_code", Services.NOT_A_SERVICE));
        return Open311Format.of(request).answer(HttpStatus.OK, "service_definition", definition);
    }

    @PostMapping(path = {"/requests.json", "/requests.xml"}, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "File a service request (a complaint), as a form, with a bearer token or an api_key")
    Mono<ResponseEntity<byte[]>> submitForm(ServerWebExchange exchange,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt caller) {
        return exchange.getFormData().flatMap(form -> submit(exchange, new LinkedHashMap<>(form.toSingleValueMap()),
                idempotencyKey, caller));
    }

    @PostMapping(path = {"/requests.json", "/requests.xml"}, consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "File a service request (a complaint), as JSON, with a bearer token or an api_key")
    Mono<ResponseEntity<byte[]>> submitJson(ServerWebExchange exchange, @RequestBody Map<String, Object> body,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
            @AuthenticationPrincipal Jwt caller) {
        return submit(exchange, formFields(body), idempotencyKey, caller);
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

    private Mono<ResponseEntity<byte[]>> submit(ServerWebExchange exchange, Map<String, String> fields, String idempotencyKey,
            Jwt caller) {
        // Some clients send api_key and jurisdiction_id in the query string rather than the body.
        for (String name : List.of(API_KEY, JURISDICTION_ID)) {
            String inQuery = exchange.getRequest().getQueryParams().getFirst(name);
            if (inQuery != null) {
                fields.putIfAbsent(name, inQuery);
            }
        }
        Open311Format format = Open311Format.of(exchange.getRequest());
        return submitter(fields.get(API_KEY), caller).flatMap(submitter -> {
            servedHere(fields.get(JURISDICTION_ID));
            ServiceRequestForm form = ServiceRequestForm.read(fields);
            return intake.submit(form.toIncoming(submitter, clock.instant()), IdempotencyKey.ofClientOrNone(submitter, idempotencyKey));
        }).map(accepted -> format.answer(accepted.respond(List.of(submitted(accepted))), REQUESTS));
    }

    /**
     * Who submits: the client app whose {@code api_key} this is, when one is sent (and it wins over a
     * token); otherwise the bearer token's subject, a citizen's or a coordinator's. The security
     * layer has already refused a bad token and the Ombudsman's.
     */
    private Mono<String> submitter(String apiKey, Jwt caller) {
        if (apiKey != null && !apiKey.isBlank()) {
            return apps.findByKey(apiKey.strip()).map(app -> CLIENT_APP_SUBMITTER + app.appId())
                    .switchIfEmpty(Mono.error(() -> new RejectedInput(HttpStatus.FORBIDDEN, API_KEY,
                            "is not the key of a registered client app, or it was revoked")));
        }
        if (caller == null) {
            return Mono.error(new RejectedInput(HttpStatus.UNAUTHORIZED, API_KEY,
                    "is required, or a bearer token of a citizen or coordinator"));
        }
        Actor actor = Actor.of(caller);
        if (!actor.has(Role.CITIZEN) && !actor.has(Role.COORDINATOR)) {
            return Mono.error(new RejectedInput(HttpStatus.FORBIDDEN, HttpHeaders.AUTHORIZATION,
                    "only a citizen's or a coordinator's token may submit"));
        }
        return Mono.just(caller.getSubject());
    }

    private static Submitted submitted(Accepted accepted) {
        return new Submitted(accepted.trackingId(), "Laporan diterima dengan nomor " + accepted.trackingId()
                + ". Simpan reporter_secret untuk menanggapi tindak lanjutnya.", accepted.reporterSecret());
    }

    /**
     * Public requests; {@code service_request_id} overrides every other filter, as the spec says.
     * {@code service_code} and {@code service_request_id} may each be a comma-separated list.
     */
    @GetMapping({"/requests.json", "/requests.xml"})
    @Operation(summary = "Public service requests, filtered by service, status and date")
    Mono<ResponseEntity<byte[]>> requests(@RequestParam(name = "service_request_id", required = false) String ids,
            @RequestParam(name = "service_code", required = false) String serviceCodes,
            @RequestParam(name = "start_date", required = false) String startDate,
            @RequestParam(name = "end_date", required = false) String endDate,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = JURISDICTION_ID, required = false) String jurisdictionId,
            ServerHttpRequest request) {
        servedHere(jurisdictionId);
        PublicQuery query;
        if (ids != null && !ids.isBlank()) {
            query = new PublicQuery(commaList(ids).stream().limit(MAX_REQUESTS).toList(), List.of(), null, null, Set.of(),
                    MAX_REQUESTS);
        } else {
            Instant until = instant("end_date", endDate);
            Instant from = startDate == null ? (until == null ? clock.instant() : until).minus(DEFAULT_WINDOW)
                    : instant("start_date", startDate);
            if (until != null && from.isAfter(until)) {
                throw new RejectedInput(HttpStatus.BAD_REQUEST, "start_date", "must not be after end_date");
            }
            query = new PublicQuery(List.of(), services(serviceCodes), from, until, statuses(status), MAX_REQUESTS);
        }
        return views.findPublic(query).collectList().flatMap(this::withClocks)
                .map(requests -> Open311Format.of(request).answer(HttpStatus.OK, REQUESTS, requests));
    }

    @GetMapping({"/requests/{trackingId}.json", "/requests/{trackingId}.xml"})
    @Operation(summary = "One service request by its tracking id")
    Mono<ResponseEntity<byte[]>> request(@PathVariable String trackingId,
            @RequestParam(name = JURISDICTION_ID, required = false) String jurisdictionId, ServerHttpRequest request) {
        servedHere(jurisdictionId);
        return views.findPublic(trackingId).map(List::of).flatMap(this::withClocks)
                .map(requests -> Open311Format.of(request).answer(HttpStatus.OK, REQUESTS, requests))
                .switchIfEmpty(Mono.error(() -> notFound("service_request_id", "no public request " + trackingId)));
    }

    /** The requests with their SLA due dates, read from the inbox at once for all of them. */
    private Mono<List<ServiceRequest>> withClocks(List<Tracking> complaints) {
        return clocks.nextDue(complaints.stream().map(Tracking::trackingId).toList())
                .map(due -> complaints.stream()
                        .map(complaint -> ServiceRequest.of(complaint, due.get(complaint.trackingId()), settings)).toList());
    }

    /** Open311's error shape for everything refused here, one entry per field at fault, in the format asked for. */
    @ExceptionHandler(RejectedInput.class)
    ResponseEntity<byte[]> refused(RejectedInput rejection, ServerWebExchange exchange) {
        List<Error> errors = rejection.errors().stream()
                .map(error -> new Error(rejection.status().value(), error.field() + ": " + error.message())).toList();
        ResponseEntity<byte[]> answer = Open311Format.of(exchange.getRequest()).answer(rejection.status(), "errors", errors);
        return rejection.status() != HttpStatus.UNAUTHORIZED ? answer
                // Open311's own key, or a bearer token.
                : ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").body(answer.getBody());
    }

    /** A jurisdiction_id, when given, must be the one this server serves: another is not found, as the spec says. */
    private void servedHere(String jurisdictionId) {
        if (jurisdictionId != null && !jurisdictionId.isBlank() && !jurisdictionId.strip().equals(settings.jurisdictionId())) {
            throw notFound(JURISDICTION_ID, "is not served here: this server serves " + settings.jurisdictionId());
        }
    }

    private static RejectedInput notFound(String field, String message) {
        return new RejectedInput(HttpStatus.NOT_FOUND, field, message);
    }

    /** The service codes asked for, each a service; none means every service. */
    private static List<String> services(String serviceCodes) {
        List<String> codes = serviceCodes == null ? List.of() : commaList(serviceCodes);
        codes.stream().filter(code -> Categories.tree().find(code).isEmpty()).findFirst().ifPresent(unknown -> {
            throw notFound("service_code", unknown + " " + Services.NOT_A_SERVICE);
        });
        return codes;
    }

    private static List<String> commaList(String values) {
        return Arrays.stream(values.split(",")).map(String::strip).filter(value -> !value.isEmpty()).distinct().toList();
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
}
