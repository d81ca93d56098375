package id.aduan.platform.deadletters;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads the dead-letter topic now and then, so the gauge follows letters that arrive and re-drives done elsewhere. */
final class DeadLetterDepth implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDepth.class);

    private final DeadLetters deadLetters;
    private final Duration refresh;
    private volatile Disposable running;

    DeadLetterDepth(DeadLetters deadLetters, Duration refresh) {
        this.deadLetters = deadLetters;
        this.refresh = refresh;
    }

    @Override
    public void start() {
        running = Flux.interval(Duration.ZERO, refresh)
                .onBackpressureDrop()
                .concatMap(tick -> deadLetters.list().onErrorResume(e -> {
                    log.warn("Could not count the dead letters: {}", e.toString());
                    return Mono.empty();
                }), 0)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
