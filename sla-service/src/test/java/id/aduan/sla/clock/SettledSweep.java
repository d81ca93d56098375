package id.aduan.sla.clock;

import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.platform.events.EventPublisher;
import id.aduan.sla.alert.DeadlineSweep;
import java.time.Clock;
import java.time.Duration;

/**
 * A sweeper as it will be once deadlines that were already past when their clocks were stored have settled
 * (aduan.sla.sweep.settle): a test need not wait for the service's own sweep to fire them.
 */
final class SettledSweep {

    private SettledSweep() {
    }

    static DeadlineSweep of(MongoDatabase database, EventPublisher publisher, SlaSettings settings) {
        Clock afterSettling = Clock.offset(Clock.systemUTC(), settings.sweep().settle().plus(Duration.ofSeconds(1)));
        return new DeadlineSweep(database, publisher, afterSettling, settings.sweep().lease());
    }
}
