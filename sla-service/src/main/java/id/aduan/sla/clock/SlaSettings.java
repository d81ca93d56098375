package id.aduan.sla.clock;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadlines are configuration, not code: the national guideline (PermenPANRB 5/2025) may change them.
 *
 * @param verificationWorkingDays how long the national coordinators have to verify and dispose
 * @param coordinatorsZone the zone the national coordinators' working days are counted in
 */
@ConfigurationProperties("aduan.sla")
public record SlaSettings(int verificationWorkingDays, ZoneId coordinatorsZone) {
}
