package id.aduan.reporting.complaints;

import id.aduan.contracts.Channel;
import java.util.Map;

/**
 * One agency's picture, over the complaints whose submission the read model holds.
 *
 * @param routedIn received complaints whose latest routing decision assigned them to this agency
 * @param byChannel those complaints per channel, every channel listed
 */
public record AgencyFigures(String agencyCode, long routedIn, Map<Channel, Long> byChannel) {
}
