package id.aduan.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on public submission, per gateway instance (docs/security.md, "Rate limits"): a flood from
 * one person, one address or one app is refused early, before it reaches intake, while a citizen app
 * used by many people is not throttled as if it were one of them.
 *
 * @param paths the POST path patterns that are public submission
 * @param perPerson submissions allowed in each period for each person: the subject of a token a person logged in for
 * @param perAddress submissions allowed in each period for each caller address, on a person's token
 * @param perApp submissions allowed in each period for an app's own token (client credentials), unless
 *        {@code apps} names the app; 0 is unlimited
 * @param apps the allowance of named apps, by client id, in place of {@code perApp}; 0 is unlimited
 * @param per the period, over which each allowance refills evenly
 * @param readPaths the GET path patterns open to anyone that cost the service a query (public statistics)
 * @param readsPerAddress reads of those paths allowed in each period for each caller address, token or not
 */
@ConfigurationProperties("aduan.gateway.rate-limits")
public record RateLimitSettings(
        @DefaultValue({"/api/v1/complaints", "/api/v1/attachments", "/open311/v2/requests.*"}) List<String> paths,
        @DefaultValue("60") int perPerson,
        @DefaultValue("300") int perAddress,
        @DefaultValue("600") int perApp,
        Map<String, Integer> apps,
        @DefaultValue("1m") Duration per,
        @DefaultValue("/api/v1/public/statistics") List<String> readPaths,
        @DefaultValue("120") int readsPerAddress) {

    public RateLimitSettings {
        apps = apps == null ? Map.of() : Map.copyOf(apps);
        if (perPerson < 1 || perAddress < 1 || readsPerAddress < 1 || per.isZero() || per.isNegative()) {
            throw new IllegalArgumentException(
                    "aduan.gateway.rate-limits needs positive per-person, per-address and reads-per-address allowances and period");
        }
        if (perApp < 0 || apps.values().stream().anyMatch(allowance -> allowance < 0)) {
            throw new IllegalArgumentException("aduan.gateway.rate-limits: an app's allowance is 0 (unlimited) or more");
        }
    }

    /** The allowance of the app with this client id; 0 is unlimited. */
    int appAllowance(String clientId) {
        return apps.getOrDefault(clientId, perApp);
    }
}
