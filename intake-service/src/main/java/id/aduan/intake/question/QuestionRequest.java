package id.aduan.intake.question;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/complaints/{id}/question}: what the agency asks the reporter. */
public record QuestionRequest(@NotBlank @Size(max = 2000) String question) {
}
