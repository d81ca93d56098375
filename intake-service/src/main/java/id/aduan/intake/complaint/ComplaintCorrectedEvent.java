package id.aduan.intake.complaint;

import java.time.Instant;

/**
 * At verification a coordinator corrected what the reporter (or the channel) said the complaint is
 * about. Kept in intake for the timeline; the rest of Aduan learns the corrected values from the
 * verification that follows it.
 *
 * @param previousCategoryCode the category before, equal to {@code categoryCode} when only the region changed
 * @param previousRegionCode the region before, equal to {@code regionCode} when only the category changed
 * @param correctedBy the coordinator's account
 */
public record ComplaintCorrectedEvent(
        String complaintId, String previousCategoryCode, String categoryCode, String previousRegionCode, String regionCode,
        String correctedBy, Instant correctedAt) {
}
