package id.aduan.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An integration test of one service, on a random port, wired to the shared test infrastructure
 * ({@link Infrastructure}) and trusting the {@link TestIssuer}, with metrics and tracing on as in
 * production. Every test class of a service gets the same context: a second one would be a second
 * consumer in the service's group, taking partitions (and the counters a test scrapes) from the first.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface AduanServiceTest {

    /** Each test JVM has its own infrastructure, so one database name serves all of its tests. */
    String DATABASE = "aduan-it";

    /** The PostgreSQL database of a service that has one (PostgreSQL names: no hyphen). */
    String SQL_DATABASE = "aduan_it";
}
