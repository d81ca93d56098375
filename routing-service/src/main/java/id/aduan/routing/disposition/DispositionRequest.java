package id.aduan.routing.disposition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/complaints/{id}/disposition}: a national coordinator sends the complaint to this agency. */
record DispositionRequest(@NotBlank @Size(max = 40) String agencyCode, @NotBlank @Size(max = 2000) String reason) {
}
