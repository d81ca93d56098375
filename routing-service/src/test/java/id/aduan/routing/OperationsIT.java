package id.aduan.routing;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Prometheus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What operators and Prometheus see of a service, without a token. */
@AduanServiceTest
class OperationsIT {

    @Autowired
    WebTestClient http;

    @Test
    void readinessChecksKafkaAndMongo() {
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP");
    }

    @Test
    void livenessDoesNotDependOnInfrastructure() {
        http.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.kafka").doesNotExist();
    }

    @Test
    void prometheusScrapesMetricsTaggedWithTheService() {
        assertThat(Prometheus.scrape(http)).contains("jvm_memory_used_bytes", "service=\"routing-service\"");
    }
}
