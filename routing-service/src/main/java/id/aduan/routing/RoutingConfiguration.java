package id.aduan.routing;

import id.aduan.routing.reference.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reference data routing decides with, loaded once at start; bad data stops the service here.
 * The competence rules live in MongoDB (rules.RuleBook), seeded from the shipped file.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RoutingSettings.class)
class RoutingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RoutingConfiguration.class);

    @Bean
    ReferenceData referenceData() {
        long started = System.nanoTime();
        ReferenceData data = ReferenceData.load();
        log.info("Reference data {}: {} regions, {} agencies, {} categories, loaded in {} ms", data.version(),
                data.regions().all().size(), data.agencies().all().size(), data.categories().all().size(),
                (System.nanoTime() - started) / 1_000_000);
        return data;
    }
}
