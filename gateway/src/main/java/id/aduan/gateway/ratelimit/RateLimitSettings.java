package id.aduan.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on public submission, per gateway instance (docs/security.md): a flood from one client or
 * one address is refused early, before it reaches intake.
 *
 * @param paths the POST path patterns that are public submission
 * @param perClient submissions allowed in each period for each token subject: a citizen, or an app's client id
 * @param perAddress submissions allowed in each period for each caller address, whoever's token it uses
 * @param per the period, over which the allowance refills evenly
 */
@ConfigurationProperties("aduan.gateway.rate-limits")
public record RateLimitSettings(
        @DefaultValue({"/api/v1/complaints", "/api/v1/attachments", "/open311/v2/requests.json"}) List<String> paths,
        @DefaultValue("60") int perClient,
        @DefaultValue("300") int perAddress,
        @DefaultValue("1m") Duration per) {

    public RateLimitSettings {
        if (perClient < 1 || perAddress < 1 || per.isZero() || per.isNegative()) {
            throw new IllegalArgumentException("aduan.gateway.rate-limits needs positive allowances and period");
        }
    }
}
