package id.aduan.intake.web;

import id.aduan.contracts.Codes;
import id.aduan.reference.IndonesianRegions;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A region code that exists in the Kemendagri reference ({@link IndonesianRegions#known}), for every form
 * a person fills in and can correct. Null and malformed codes pass: {@code @NotBlank} and
 * {@code @Pattern(Codes.REGION)} speak for those, so a bad code gets one error, not two.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownRegion.Check.class)
public @interface KnownRegion {

    String MESSAGE = "is not a region of the Kemendagri reference: a province, regency/city or district code"
            + " (such as 32.73.01), or a village code of a known district";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<KnownRegion, String> {

        /** The one check, for forms read without Bean Validation too (Open311). */
        public static boolean accepts(String code) {
            return code == null || !code.matches(Codes.REGION) || IndonesianRegions.shipped().known(code);
        }

        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            return accepts(code);
        }
    }
}
