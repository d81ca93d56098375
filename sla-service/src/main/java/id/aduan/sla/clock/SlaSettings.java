package id.aduan.sla.clock;

import java.time.ZoneId;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadlines are configuration, not code: the national guideline (PermenPANRB 5/2025) may change them.
 *
 * @param verificationWorkingDays how long the national coordinators have to verify and dispose
 * @param coordinatorsZone the zone the national coordinators' working days are counted in
 * @param agenciesWorkingThroughCutiBersama agencies (units serving the public directly) whose
 *        clocks count collective-leave days as working days
 */
@ConfigurationProperties("aduan.sla")
public record SlaSettings(
        int verificationWorkingDays,
        ZoneId coordinatorsZone,
        @DefaultValue Set<String> agenciesWorkingThroughCutiBersama) {
}
