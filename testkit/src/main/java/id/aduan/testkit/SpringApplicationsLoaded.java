package id.aduan.testkit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Notes that a Spring application was loaded in this JVM: Spring's shutdown hook will then close its contexts and
 * run its shutdown handlers after them, the test infrastructure's stop among them ({@link Infrastructure}).
 */
public final class SpringApplicationsLoaded implements SpringApplicationRunListener {

    private static volatile boolean any;

    public SpringApplicationsLoaded(SpringApplication application, String[] args) {
    }

    @Override
    public void contextLoaded(ConfigurableApplicationContext context) {
        any = true;
    }

    static boolean any() {
        return any;
    }
}
