package id.aduan.intake.complaint;

import java.time.Instant;

/** The reporter answered a deferral; unlike the public event it keeps the answer. */
public record InformationSuppliedEvent(
        String complaintId, String information, Instant suppliedAt) {
}
