package id.aduan.intake.defer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/complaints/{id}/deferral}: what the reporter is asked. */
public record DeferralRequest(@NotBlank @Size(max = 2000) String question) {
}
