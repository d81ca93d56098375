package id.aduan.routing.forward;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/complaints/{id}/forwarding}: the agency holding the complaint
 * declares it not its authority.
 *
 * @param suggestedAgencyCode the agency it believes competent, if it knows one
 */
record ForwardRequest(@NotBlank @Size(max = 2000) String reason, @Size(max = 40) String suggestedAgencyCode) {
}
