package id.aduan.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Routing's own settings ({@code aduan.routing}).
 *
 * @param hopLimit how many times a complaint may be forwarded; the forward after that goes to the national coordinators
 * @param outbox how often unpublished steps and rule changes are looked for, and how old one must be
 *     before the sweep takes it over from the request that recorded it
 */
@ConfigurationProperties("aduan.routing")
public record RoutingSettings(@DefaultValue("3") int hopLimit, @DefaultValue Outbox outbox) {

    public record Outbox(@DefaultValue("5s") Duration interval, @DefaultValue("10s") Duration grace) {
    }
}
