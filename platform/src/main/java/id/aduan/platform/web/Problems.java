package id.aduan.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problems an operation may answer with beyond those every operation of its kind has (see
 * {@link OpenApiProblems}): its OpenAPI document lists them as problem+json responses.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Problems {

    ProblemType[] value();
}
