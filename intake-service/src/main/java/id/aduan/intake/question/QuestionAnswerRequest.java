package id.aduan.intake.question;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/complaints/{id}/question-answer}: the reporter's answer. */
public record QuestionAnswerRequest(@NotBlank @Size(max = 10_000) String answer) {
}
