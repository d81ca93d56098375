package id.aduan.reporting.complaints;

import id.aduan.contracts.Channel;
import java.util.Map;

/**
 * The national picture, over every complaint whose submission the read model holds; since
 * {@code received = routedToAgencies + inCoordinatorsQueue + awaitingRouting}, nothing is counted twice.
 *
 * @param received complaints submitted, from any channel
 * @param routedToAgencies received complaints whose latest routing decision assigned them to an agency
 * @param inCoordinatorsQueue received complaints whose latest routing decision put them in the national coordinators' queue
 * @param awaitingRouting received complaints with no routing decision yet
 * @param agencies distinct agencies that at least one received complaint is routed to
 * @param byChannel received complaints per channel, every channel listed
 */
public record NationalFigures(
        long received,
        long routedToAgencies,
        long inCoordinatorsQueue,
        long awaitingRouting,
        long agencies,
        Map<Channel, Long> byChannel) {
}
