package id.aduan.intake.attachments;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AttachmentConfiguration implements SchedulingConfigurer {

    private final OrphanUploads orphans;
    private final LockingTaskExecutor locks;
    private final Duration sweepInterval;

    AttachmentConfiguration(OrphanUploads orphans, LockingTaskExecutor locks,
            @Value("${aduan.attachments.orphan-sweep-interval:1h}") Duration sweepInterval) {
        this.orphans = orphans;
        this.locks = locks;
        this.sweepInterval = sweepInterval;
    }

    @Bean
    @ConditionalOnMissingBean(AttachmentStore.class)
    static AttachmentStore localDiskAttachmentStore(@Value("${aduan.data-dir}") Path dataDir) {
        return new LocalDiskAttachmentStore(dataDir.resolve("attachments"));
    }

    @Bean
    static OrphanUploads orphanUploads(MongoDatabase database, AttachmentStore store, Clock clock,
            @Value("${aduan.attachments.orphans-kept-for:24h}") Duration keptFor) {
        return new OrphanUploads(database, store, clock, keptFor);
    }

    @Autowired
    void createSweepIndexes(OrphanUploads orphans) {
        orphans.createIndexes().block(Duration.ofSeconds(30));
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        // One instance per round (ShedLock), as every instance would find the same orphans; a round that
        // outlives its lock overlaps the next harmlessly. A failed run (database away) is logged by the
        // scheduler; the next run takes it up.
        Runnable sweep = orphans::sweep;
        tasks.addFixedDelayTask(() -> locks.executeWithLock(sweep,
                new LockConfiguration(ClockProvider.now(), "intake-orphan-uploads", sweepInterval, sweepInterval.dividedBy(2))),
                sweepInterval);
    }
}
