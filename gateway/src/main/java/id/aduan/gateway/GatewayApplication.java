package id.aduan.gateway;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The one front door. It validates every request's token before forwarding it (the services
 * validate it again) and routes by path (the routes are configuration in application.yml); it limits
 * submissions and body sizes, sets security headers and CORS, and keeps the audit trail.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Forwarding runs on the server's event loops, not on a second set of its own: a request and
     * its forwarded copy can stay on one thread instead of being handed between two, each hand-off
     * a thread wake-up that waits for a core on a busy machine (docs/security.md, "Throughput").
     */
    @Bean
    HttpClientCustomizer forwardOnTheServersEventLoops(ReactorResourceFactory resources) {
        return client -> client.runOn(resources.getLoopResources());
    }
}
