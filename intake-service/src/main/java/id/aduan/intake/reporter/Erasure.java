package id.aduan.intake.reporter;

import java.time.Instant;

/**
 * An erasure as recorded in the {@value ReporterErasures#COLLECTION} collection ({@link ReporterErasures.Recorded}),
 * and the answer to every request to erase the same reporter: who erased, when, and how the request was
 * verified; never who the reporter was.
 *
 * @param reporterRef the reference the erasure was first asked for
 * @param complaints how many complaints' reporter it erased
 */
public record Erasure(String reporterRef, String status, int complaints, String erasedBy, Instant erasedAt,
        Instant requestedAt, String verification) {

    static final String ERASED = "ERASED";
}
