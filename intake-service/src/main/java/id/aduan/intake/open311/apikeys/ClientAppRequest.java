package id.aduan.intake.open311.apikeys;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/open311/client-apps}.
 *
 * @param name the client app as coordinators and the complaints' submitter know it ({@code Jaga Kota Bandung})
 */
record ClientAppRequest(@NotBlank @Size(max = 100) String name) {
}
