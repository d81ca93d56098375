package id.aduan.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint that answers errors in the format of the specification it implements, not as
 * problem+json: {@link OpenApiProblems} lists no problem responses for its operations.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OwnErrorFormat {

    /** The specification whose error format the endpoint answers in. */
    String value();
}
