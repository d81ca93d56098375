package id.aduan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import id.aduan.localinfra.MongoStandIn;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.reactivestreams.ReactiveStreamsMongoLockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ShedLock's MongoDB locks (MongoAutoConfiguration) on the embedded default's MongoDB stand-in. */
class LocksOnTheStandInTest {

    private MongoStandIn mongo;
    private MongoClient client;
    private LockProvider locks;

    @BeforeEach
    void start() {
        mongo = MongoStandIn.inMemory(0);
        client = MongoClients.create(mongo.connectionString());
        locks = new ReactiveStreamsMongoLockProvider(client.getDatabase("locks-test"));
    }

    @AfterEach
    void stop() {
        client.close();
        mongo.close();
    }

    @Test
    void oneHolderAtATimeUntilItReleasesItsLockExtendedOrNot() {
        SimpleLock held = locks.lock(lock("sweep", Duration.ofMinutes(1), Duration.ZERO)).orElseThrow();
        assertThat(locks.lock(lock("sweep", Duration.ofMinutes(1), Duration.ZERO))).as("held").isEmpty();
        assertThat(locks.lock(lock("another-sweep", Duration.ofMinutes(1), Duration.ZERO))).isPresent();

        SimpleLock extended = held.extend(Duration.ofMinutes(2), Duration.ZERO).orElseThrow();
        assertThat(locks.lock(lock("sweep", Duration.ofMinutes(1), Duration.ZERO))).as("held after extension").isEmpty();

        extended.unlock();
        assertThat(locks.lock(lock("sweep", Duration.ofMinutes(1), Duration.ZERO))).isPresent();
    }

    @Test
    void aLockItsHolderNeverReleasedIsTakenOverOnceItRunsOut() throws InterruptedException {
        assertThat(locks.lock(lock("sweep", Duration.ofMillis(300), Duration.ZERO))).isPresent();
        assertThat(locks.lock(lock("sweep", Duration.ofMinutes(1), Duration.ZERO))).isEmpty();
        Thread.sleep(400);
        assertThat(locks.lock(lock("sweep", Duration.ofMinutes(1), Duration.ZERO))).isPresent();
    }

    @Test
    void aRoundHeldAtLeastForAWhileMakesTheOtherInstancesSkipTheirs() {
        AtomicInteger runs = new AtomicInteger();
        DefaultLockingTaskExecutor oneInstance = new DefaultLockingTaskExecutor(locks);
        DefaultLockingTaskExecutor another = new DefaultLockingTaskExecutor(
                new ReactiveStreamsMongoLockProvider(client.getDatabase("locks-test")));
        Runnable round = runs::incrementAndGet;

        oneInstance.executeWithLock(round, lock("round", Duration.ofMinutes(1), Duration.ofSeconds(30)));
        another.executeWithLock(round, lock("round", Duration.ofMinutes(1), Duration.ofSeconds(30)));

        assertThat(runs).hasValue(1);
    }

    private static LockConfiguration lock(String name, Duration atMost, Duration atLeast) {
        return new LockConfiguration(ClockProvider.now(), name, atMost, atLeast);
    }
}
