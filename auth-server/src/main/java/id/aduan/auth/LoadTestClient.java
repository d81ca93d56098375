package id.aduan.auth;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * The client the load benchmark submits with: an app acting for citizens (client_credentials, role
 * {@code citizen}), registered only when enabled (the {@code load-test} profile does), so that a
 * production authorization server never knows it. The gateway gives it the allowance in
 * {@code aduan.gateway.rate-limits.apps.<id>} (docs/security.md, "Rate limits").
 */
@ConfigurationProperties("aduan.auth.load-test")
public record LoadTestClient(boolean enabled, @DefaultValue("load-test") String id, String secret) {

    public LoadTestClient {
        Assert.isTrue(!enabled || secret != null && !secret.isBlank(), "aduan.auth.load-test.secret is required when it is enabled");
    }

    /** The client to register, when enabled. */
    Optional<AuthProperties.Client> client() {
        return enabled ? Optional.of(new AuthProperties.Client(id, secret, List.of("citizen"), null)) : Optional.empty();
    }
}
