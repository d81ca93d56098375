package id.aduan.intake.completion;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/complaints/{id}/reporter-answer}. */
public record ReporterAnswerRequest(@NotNull Boolean satisfied, @Size(min = 1, max = 2000) String comment) {
}
