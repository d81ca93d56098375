package id.aduan.gateway.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail's fail-closed behaviour (docs/security.md, "Audit trail").
 *
 * @param storeTimeout how long a change waits for its entry to be stored before it is refused with 503
 * @param retryAfter what the 503's {@code Retry-After} tells the caller
 */
@ConfigurationProperties("aduan.gateway.audit")
public record AuditSettings(@DefaultValue("2s") Duration storeTimeout, @DefaultValue("5s") Duration retryAfter) {
}
