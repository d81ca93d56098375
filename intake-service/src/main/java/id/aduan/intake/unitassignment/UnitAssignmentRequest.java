package id.aduan.intake.unitassignment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The body of {@code POST /api/v1/complaints/{id}/unit-assignment}. */
public record UnitAssignmentRequest(
        @NotBlank @Pattern(regexp = UnitAssignmentRequest.UNIT, message = "must be a unit code such as 32.73.DPUPR/UPT-JALAN")
        String unitCode) {

    /** An agency code (as contracts' Codes.AGENCY), a slash and the unit's short name. */
    static final String UNIT = "^([0-9]{2}(\\.[0-9]{2})?\\.)?[A-Z][A-Z0-9-]{1,30}/[A-Z0-9][A-Z0-9-]{0,29}$";
}
