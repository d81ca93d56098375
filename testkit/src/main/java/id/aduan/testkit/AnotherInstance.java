package id.aduan.testkit;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One more instance of the service under test, in the test's JVM, on the same broker, database and
 * issuer as the {@link AduanServiceTest} context: for what several instances must do together
 * (one consumer group sharing the partitions, sweeps that never fire twice).
 */
public final class AnotherInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private AnotherInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts {@code application} on a random port with the test kit's settings and {@code overrides}. */
    public static AnotherInstance start(Class<?> application, Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(InfrastructureContextCustomizerFactory.properties());
        properties.put("server.port", 0);
        properties.putAll(overrides);
        // First among the property sources, as for the test's own context: above the service's application.yml.
        return new AnotherInstance(new SpringApplicationBuilder(application)
                .initializers(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("aduan-testkit-another-instance", properties)))
                .run());
    }

    /** The HTTP port it listens on. */
    public int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
