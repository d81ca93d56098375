package id.aduan.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/** Points every {@link AduanServiceTest} at the shared infrastructure and the test issuer. */
public class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        if (!MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY).isPresent(AduanServiceTest.class)) {
            return null;
        }
        return new InfrastructureCustomizer();
    }

    /** The shared broker, the test database, the test issuer and a data directory of its own. */
    static Map<String, Object> properties() {
        Infrastructure infrastructure = Infrastructure.shared();
        Map<String, Object> properties = new HashMap<>(TestIssuer.shared().resourceServerProperties());
        properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
        properties.put("spring.data.mongodb.uri", infrastructure.mongoUri(AduanServiceTest.DATABASE));
        try {
            properties.put("aduan.data-dir", Files.createTempDirectory("aduan-data-").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Equal to every other, so Spring caches one context per test configuration as usual. */
    private static final class InfrastructureCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("aduan-testkit", properties()));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof InfrastructureCustomizer;
        }

        @Override
        public int hashCode() {
            return InfrastructureCustomizer.class.hashCode();
        }
    }
}
