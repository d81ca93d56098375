package id.aduan.intake.defer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/complaints/{id}/information}: the reporter's answer. */
public record InformationAnswer(@NotBlank @Size(max = 10_000) String information) {
}
