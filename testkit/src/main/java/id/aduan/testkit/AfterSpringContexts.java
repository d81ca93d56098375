package id.aduan.testkit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs what the tests' Spring contexts use down after them, at the JVM's end: a service still writing while it
 * stops would otherwise wait out its pool's connection timeout (30 s) on a database already gone. Where a Spring
 * application was loaded (this run listener notes it), Spring's shutdown hook runs its handlers once the contexts
 * have closed; in a JVM without one (the end-to-end tests'), Spring has no hook, and the JVM's own runs it.
 */
public final class AfterSpringContexts implements SpringApplicationRunListener {

    private static volatile boolean springLoaded;

    public AfterSpringContexts(SpringApplication application, String[] args) {
    }

    @Override
    public void contextLoaded(ConfigurableApplicationContext context) {
        springLoaded = true;
    }

    /**
     * Runs the action at the JVM's end, after every Spring context of the JVM has closed: once, as Spring's hook
     * exists only where a Spring application was loaded.
     */
    static void atTheEnd(Runnable action) {
        SpringApplication.getShutdownHandlers().add(action);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!springLoaded) {
                action.run();
            }
        }, "aduan-testkit-shutdown"));
    }
}
