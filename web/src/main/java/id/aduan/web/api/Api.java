package id.aduan.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.web.WebSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The public API, through the gateway, as whoever is looking at the page: with the logged-in person's
 * access token, or else with the portal's own (citizen role), so that a person who never logs in can still
 * submit and track. A refusal arrives as an {@link ApiProblem}.
 */
@Component
public class Api {

    /** The reporter's proof of ownership of a complaint (docs/tracking.md). */
    public static final String REPORTER_SECRET = "X-Reporter-Secret";
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(15);

    private final WebClient client;

    Api(WebClient.Builder builder, WebSettings settings, ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository sessionTokens, InMemoryReactiveOAuth2AuthorizedClientService portalTokens,
            ObjectMapper json) {
        var asPerson = new ServerOAuth2AuthorizedClientExchangeFilterFunction(registrations, sessionTokens);
        asPerson.setDefaultOAuth2AuthorizedClient(true);
        // One portal token for all anonymous visitors, renewed when it expires, never kept in their sessions.
        ReactiveOAuth2AuthorizedClientManager portalManager =
                new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(registrations, portalTokens);
        var asPortal = new ServerOAuth2AuthorizedClientExchangeFilterFunction(portalManager);
        asPortal.setDefaultClientRegistrationId("portal");
        ExchangeFilterFunction asCaller = (request, next) -> ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .hasElement()
                .flatMap(loggedIn -> (loggedIn ? asPerson : asPortal).filter(request, next));
        // A page waits for the API at most this long, then shows the error page instead of hanging.
        HttpClient http = HttpClient.create().responseTimeout(RESPONSE_TIMEOUT);
        this.client = builder.baseUrl(settings.apiUrl().toString())
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .filter(asCaller)
                .filter(ExchangeFilterFunction.ofResponseProcessor(response -> refusalAsProblem(response, json)))
                .build();
    }

    /** A WebClient on the gateway's address that sends the caller's token; paths start with {@code /api/v1}. */
    public WebClient client() {
        return client;
    }

    /** One file to {@code POST /api/v1/attachments}: its id is what a complaint or a follow-up attaches. */
    public Mono<String> upload(FilePart file) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        MediaType type = file.headers().getContentType();
        body.asyncPart("file", file.content(), DataBuffer.class).filename(file.filename())
                .contentType(type == null ? MediaType.APPLICATION_OCTET_STREAM : type);
        return client.post().uri("/api/v1/attachments").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .retrieve().bodyToMono(JsonNode.class).map(attachment -> attachment.path("id").asText());
    }

    /**
     * A complaint's file, streamed from the API as it comes (with the reporter's secret, when the person gave
     * it): always a download, never shown inline, never cached.
     */
    public Mono<ResponseEntity<Flux<DataBuffer>>> download(String trackingId, String attachmentId, Optional<String> reporterSecret) {
        return client.get().uri("/api/v1/complaints/{id}/attachments/{attachment}", trackingId, attachmentId)
                .headers(headers -> reporterSecret.ifPresent(secret -> headers.set(REPORTER_SECRET, secret)))
                .retrieve().toEntityFlux(DataBuffer.class)
                .map(answer -> {
                    HttpHeaders from = answer.getHeaders();
                    HttpHeaders headers = new HttpHeaders();
                    headers.setContentType(from.getContentType());
                    if (from.getContentLength() >= 0) {
                        headers.setContentLength(from.getContentLength());
                    }
                    String disposition = from.getFirst(HttpHeaders.CONTENT_DISPOSITION);
                    headers.set(HttpHeaders.CONTENT_DISPOSITION, disposition != null && disposition.startsWith("attachment")
                            ? disposition : "attachment; filename=\"" + attachmentId + "\"");
                    headers.set("X-Content-Type-Options", "nosniff");
                    headers.setCacheControl("private, no-store");
                    return ResponseEntity.ok().headers(headers).body(answer.getBody());
                });
    }

    private static Mono<ClientResponse> refusalAsProblem(ClientResponse response, ObjectMapper json) {
        HttpStatusCode status = response.statusCode();
        if (!status.isError()) {
            return Mono.just(response);
        }
        return response.bodyToMono(String.class).defaultIfEmpty("")
                .flatMap(body -> Mono.error(problem(status, body, json,
                        response.headers().asHttpHeaders().getFirst(HttpHeaders.CONTENT_TYPE))));
    }

    static ApiProblem problem(HttpStatusCode status, String body, ObjectMapper json, String contentType) {
        Map<String, String> fields = new LinkedHashMap<>();
        String type = "about:blank";
        String detail = status.toString();
        if (contentType != null && contentType.contains("json") && !body.isBlank()) {
            try {
                JsonNode problem = json.readTree(body);
                type = problem.path("type").asText(type);
                detail = problem.path("detail").asText(problem.path("title").asText(detail));
                for (JsonNode error : problem.path("errors")) {
                    fields.merge(error.path("field").asText(), error.path("message").asText(), (a, b) -> a + "; " + b);
                }
            } catch (Exception notJson) {
                // Not a problem document (a proxy's page): the status says enough.
            }
        }
        return new ApiProblem(status, type, detail, fields);
    }
}
