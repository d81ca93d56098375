package id.aduan.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Declares an event record's CloudEvents {@code type} (versioned) and the topic it travels on. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CloudEventType {

    /** For example {@code aduan.complaint.submitted.v1}; a breaking change gets a new type. */
    String value();

    Topic topic();
}
