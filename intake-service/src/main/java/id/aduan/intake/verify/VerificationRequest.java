package id.aduan.intake.verify;

import id.aduan.contracts.Classification;
import id.aduan.contracts.Codes;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/**
 * The body of {@code POST /api/v1/complaints/{id}/verification}. Both flags are required: reporters
 * have been exposed by an admin who forgot one, so the coordinator must decide each explicitly.
 *
 * @param categoryCode a corrected category, or null to keep the submitted one
 */
public record VerificationRequest(
        @NotNull Classification classification,
        @Pattern(regexp = Codes.CATEGORY, message = "must be a dot-separated category code such as INFRA.ROAD")
        String categoryCode,
        @NotNull Boolean anonymous,
        @NotNull Boolean confidential) {

    VerifyComplaint toCommand(String complaintId, Instant now) {
        return new VerifyComplaint(complaintId, classification, categoryCode, anonymous, confidential, now);
    }
}
