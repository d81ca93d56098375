package id.aduan.intake.rating;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/complaints/{id}/rating}. */
public record RatingRequest(@NotNull @Min(1) @Max(5) Integer score, @Size(min = 1, max = 2000) String comment) {
}
