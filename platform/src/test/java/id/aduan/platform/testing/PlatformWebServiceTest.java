package id.aduan.platform.testing;

import id.aduan.testkit.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A test of a {@link PlatformWebService}, called with tokens of the {@link TestIssuer} it trusts. */
public abstract class PlatformWebServiceTest {

    protected static final TestIssuer ISSUER = TestIssuer.shared();

    @Autowired
    protected WebTestClient http;

    @DynamicPropertySource
    static void trustTheTestIssuer(DynamicPropertyRegistry registry) {
        ISSUER.resourceServerProperties().forEach((name, value) -> registry.add(name, () -> value));
    }
}
