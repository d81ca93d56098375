package id.aduan.routing.rules;

import id.aduan.routing.decision.RuleSetCheck;
import id.aduan.routing.reference.ReferenceData;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A rule set routing can decide with ({@link RuleSetCheck}); each problem is named by its field, {@code rules[3].categoryCode}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = UsableRuleSet.Check.class)
@interface UsableRuleSet {

    String message() default "not a usable rule set";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Created by Spring's validator factory, which supplies the reference data. */
    class Check implements ConstraintValidator<UsableRuleSet, RuleChangeRequest> {

        private final ReferenceData data;

        public Check(ReferenceData data) {
            this.data = data;
        }

        @Override
        public boolean isValid(RuleChangeRequest request, ConstraintValidatorContext context) {
            if (request == null || request.rules() == null) {
                return true;
            }
            var problems = RuleSetCheck.problems(request.competenceRules(), data);
            context.disableDefaultConstraintViolation();
            problems.forEach(problem -> context.buildConstraintViolationWithTemplate(problem.message())
                    .addPropertyNode("rules")
                    .addPropertyNode(problem.field()).inIterable().atIndex(problem.index())
                    .addConstraintViolation());
            return problems.isEmpty();
        }
    }
}
