package id.aduan.intake.verify;

import id.aduan.contracts.Categories;
import id.aduan.contracts.Classification;
import id.aduan.contracts.Codes;
import id.aduan.contracts.ReferenceCsv;
import id.aduan.platform.web.ProblemResponses.FieldProblem;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
        @Pattern(regexp = Codes.REGION, message = "must be a Kemendagri region code such as 32.73.01")
        String regionCode,
        @NotNull Boolean anonymous,
        @NotNull Boolean confidential) {

    /** Province codes of the shared reference data: a corrected region must lie in one of them. */
    private static final class Provinces {
        static final Set<String> CODES = ReferenceCsv.rows("reference/provinces-timezones.csv", 4).stream()
                .map(row -> row[0]).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * A coordinator's correction must name what the reference data knows, beyond the shape checked
     * on submission: a category of the tree, a region within a known province.
     */
    List<FieldProblem> unknownCodes() {
        List<FieldProblem> problems = new ArrayList<>();
        if (categoryCode != null && Categories.tree().find(categoryCode).isEmpty()) {
            problems.add(new FieldProblem("categoryCode", "is not in the category tree"));
        }
        if (regionCode != null && !Provinces.CODES.contains(regionCode.substring(0, 2))) {
            problems.add(new FieldProblem("regionCode", "does not lie in any province of the reference data"));
        }
        return problems;
    }

    VerifyComplaint toCommand(String complaintId, String coordinator, Instant now) {
        return new VerifyComplaint(complaintId, classification, categoryCode, regionCode, anonymous, confidential,
                coordinator, now);
    }
}
