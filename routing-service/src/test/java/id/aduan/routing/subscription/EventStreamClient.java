package id.aduan.routing.subscription;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** Reads an agency's event stream over real HTTP, as an agency's system would. */
public final class EventStreamClient {

    private final WebClient http;

    public EventStreamClient(int port) {
        this.http = WebClient.create("http://localhost:" + port);
    }

    /** The stream's events (heartbeat comments left out), resuming after {@code lastEventId} when it is not null. */
    public Flux<ServerSentEvent<String>> events(String agency, String token, String lastEventId) {
        return read(http.get().uri("/api/v1/agencies/{code}/events", agency), token, lastEventId);
    }

    /** The stream's events after {@code lastEventId}, asked for with the query parameter, as a first connection may. */
    public Flux<ServerSentEvent<String>> eventsFromQuery(String agency, String token, String lastEventId) {
        return read(http.get().uri("/api/v1/agencies/{code}/events?lastEventId={id}", agency, lastEventId), token, null);
    }

    private static Flux<ServerSentEvent<String>> read(WebClient.RequestHeadersSpec<?> request, String token, String lastEventId) {
        return request
                .accept(MediaType.TEXT_EVENT_STREAM)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .headers(headers -> {
                    if (lastEventId != null) {
                        headers.set("Last-Event-ID", lastEventId);
                    }
                })
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                })
                .filter(event -> event.id() != null);
    }
}
