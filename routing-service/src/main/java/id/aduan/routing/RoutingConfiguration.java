package id.aduan.routing;

import id.aduan.routing.decision.CompetenceRules;
import id.aduan.routing.decision.Router;
import id.aduan.routing.reference.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The router and the data it decides with, loaded once at start; bad data stops the service here. */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RoutingConfiguration.class);

    @Bean
    Router router() {
        long started = System.nanoTime();
        ReferenceData data = ReferenceData.load();
        CompetenceRules rules = CompetenceRules.load(data);
        log.info("Reference data {}: {} regions, {} agencies, {} categories, {} competence rules, loaded in {} ms",
                data.version(), data.regions().all().size(), data.agencies().all().size(), data.categories().all().size(),
                rules.inOrder().size(), (System.nanoTime() - started) / 1_000_000);
        return new Router(data, rules);
    }
}
