package id.aduan.testkit;

import org.springframework.test.web.reactive.server.WebTestClient;

/** A service's Prometheus scrape, as a test reads it. */
public final class Prometheus {

    /** Kafka's metrics per consumer thread and topic make a scrape larger than a client's default 256 KB buffer. */
    private static final int MAX_SCRAPE_BYTES = 8 * 1024 * 1024;

    private Prometheus() {
    }

    public static String scrape(WebTestClient http) {
        return http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_SCRAPE_BYTES)).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
