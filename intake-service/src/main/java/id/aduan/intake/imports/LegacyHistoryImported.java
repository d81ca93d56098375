package id.aduan.intake.imports;

import java.time.Instant;

/**
 * Where an imported complaint came from; stays in intake's event store (not published), so the
 * old app's id can always be found again.
 *
 * @param originalChannel how it reached the old app, in that app's words, or null
 * @param importedAt when Aduan imported it; the complaint's own events carry the original times
 */
public record LegacyHistoryImported(
        String complaintId, String sourceApp, String legacyId, String originalChannel, Instant importedAt) {
}
