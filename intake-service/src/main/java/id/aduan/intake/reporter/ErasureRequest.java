package id.aduan.intake.reporter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The body of {@code POST /api/v1/reporters/{reporterRef}/erasure}.
 *
 * @param verification how the coordinator verified that the person asking is the reporter (for example
 *     "KTP checked at the Kominfo service desk, ticket 2026-117"); never the identity itself
 * @param requestedAt when the person asked
 */
public record ErasureRequest(@NotBlank @Size(max = 2000) String verification, @NotNull @PastOrPresent Instant requestedAt) {
}
