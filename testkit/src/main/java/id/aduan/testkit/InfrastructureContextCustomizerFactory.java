package id.aduan.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.FileSystemUtils;

/** Points every {@link AduanServiceTest} at the shared infrastructure and the test issuer. */
public class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    /** On the classpath of a service with a DataSource (spring-jdbc), and only there. */
    private static final String JDBC = "org.springframework.jdbc.core.JdbcTemplate";
    /** On the classpath of a service that sends mail (spring-context-support with Jakarta Mail), and only there. */
    private static final String MAIL = "org.springframework.mail.javamail.JavaMailSender";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        if (!MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY).isPresent(AduanServiceTest.class)) {
            return null;
        }
        return new InfrastructureCustomizer();
    }

    /**
     * The shared broker, the test databases (a PostgreSQL one only for a service with JDBC), the mail
     * server (only for a service that sends mail), the test
     * issuer and the JVM's data directory.
     */
    static Map<String, Object> properties() {
        Infrastructure infrastructure = Infrastructure.shared();
        Map<String, Object> properties = new HashMap<>(TestIssuer.shared().resourceServerProperties());
        properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
        properties.put("spring.data.mongodb.uri", infrastructure.mongoUri(AduanServiceTest.DATABASE));
        if (ClassUtils.isPresent(JDBC, InfrastructureContextCustomizerFactory.class.getClassLoader())) {
            properties.putAll(dataSource(AduanServiceTest.SQL_DATABASE));
        }
        if (ClassUtils.isPresent(MAIL, InfrastructureContextCustomizerFactory.class.getClassLoader())) {
            properties.put("spring.mail.host", "localhost");
            properties.put("spring.mail.port", infrastructure.mailServer().smtpPort());
        }
        properties.put("aduan.data-dir", DataDir.PATH);
        return properties;
    }

    /**
     * One data directory per JVM, as one database: every context of the JVM reads the same files
     * (intake's master key) beside the same data, as production instances share one key.
     */
    private static final class DataDir {
        private static final String PATH = create();

        private static String create() {
            try {
                Path path = Files.createTempDirectory("aduan-data-");
                AfterSpringContexts.atTheEnd(() -> FileSystemUtils.deleteRecursively(path.toFile()));
                return path.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The spring.datasource properties of a test PostgreSQL database, for a test that needs one of
     * its own (the contexts of one JVM otherwise share {@link AduanServiceTest#SQL_DATABASE}).
     */
    public static Map<String, Object> dataSource(String database) {
        Infrastructure infrastructure = Infrastructure.shared();
        return Map.of("spring.datasource.url", infrastructure.jdbcUrl(database),
                "spring.datasource.username", infrastructure.jdbcUsername(),
                "spring.datasource.password", infrastructure.jdbcPassword());
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
