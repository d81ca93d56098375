package id.aduan.intake.verify;

import id.aduan.contracts.Classification;
import id.aduan.contracts.Codes;
import id.aduan.intake.complaint.VerifyComplaint;
import id.aduan.intake.web.KnownRegion;
import id.aduan.platform.web.ProblemResponses.FieldProblem;
import id.aduan.reference.Categories;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /api/v1/complaints/{id}/verification}. Both flags are required: reporters
 * have been exposed by an admin who forgot one, so the coordinator must decide each explicitly.
 *
 * @param categoryCode a corrected category, or null to keep the submitted one
 * @param regionCode a corrected Kemendagri region (an SMS without one arrives as {@code 00}), or null to keep the submitted one
 */
public record VerificationRequest(
        @NotNull Classification classification,
        @Pattern(regexp = Codes.CATEGORY, message = "must be a dot-separated category code such as INFRA.ROAD")
        String categoryCode,
        @Pattern(regexp = Codes.REGION, message = "must be a Kemendagri region code such as 32.73.01") @KnownRegion
        String regionCode,
        @NotNull Boolean anonymous,
        @NotNull Boolean confidential) {

    /**
     * A coordinator's correction must name a category of the tree, beyond the shape checked on
     * submission (the region is checked like a submitted one, by {@link KnownRegion}).
     */
    List<FieldProblem> unknownCodes() {
        List<FieldProblem> problems = new ArrayList<>();
        if (categoryCode != null && Categories.tree().find(categoryCode).isEmpty()) {
            problems.add(new FieldProblem("categoryCode", "is not in the category tree"));
        }
        return problems;
    }

    VerifyComplaint toCommand(String complaintId, String coordinator, Instant now) {
        return new VerifyComplaint(complaintId, classification, categoryCode, regionCode, anonymous, confidential,
                coordinator, now);
    }
}
