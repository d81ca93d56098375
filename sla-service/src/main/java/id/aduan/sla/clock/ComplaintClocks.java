package id.aduan.sla.clock;

import id.aduan.contracts.Classification;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the clocks of one complaint depend on: the facts from its lifecycle events and its clocks.
 *
 * @param classification set at verification; null before
 * @param verifiedAt null until verified
 * @param agencyCode the agency assigned last; null while none is
 * @param assignedAt when that agency was assigned; null while none is
 */
public record ComplaintClocks(
        String complaintId,
        Classification classification,
        Instant verifiedAt,
        String agencyCode,
        Instant assignedAt,
        List<SlaClock> clocks) {

    public ComplaintClocks {
        clocks = List.copyOf(clocks);
    }

    public static ComplaintClocks none(String complaintId) {
        return new ComplaintClocks(complaintId, null, null, null, null, List.of());
    }

    public Optional<SlaClock> running(ClockKind kind) {
        return clocks.stream().filter(clock -> clock.kind() == kind && clock.running()).findFirst();
    }
}
