package id.aduan.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.web.WebSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
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
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The public API, through the gateway, as whoever is looking at the page: with the logged-in person's
 * access token, or else with the portal's own (citizen role), so that a person who never logs in can still
 * submit and track. A refusal arrives as an {@link ApiProblem}.
 */
@Component
public class Api {

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
