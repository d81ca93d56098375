package id.aduan.gateway.hardening;

import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

@Configuration(proxyBeanMethods = false)
class HardeningConfiguration {

    /**
     * The gateway's CORS configuration ({@code spring.cloud.gateway.server.webflux.globalcors},
     * application.yml), applied before the security filters as well: the gateway applies it when it
     * routes, which is after Spring Security refused a browser's preflight (it carries no token).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    CorsWebFilter corsFilter(GlobalCorsProperties cors) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.setCorsConfigurations(cors.getCorsConfigurations());
        return new CorsWebFilter(source);
    }
}
