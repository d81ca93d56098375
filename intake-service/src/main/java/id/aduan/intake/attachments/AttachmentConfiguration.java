package id.aduan.intake.attachments;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
    private final Duration sweepInterval;

    AttachmentConfiguration(OrphanUploads orphans,
            @Value("${aduan.attachments.orphan-sweep-interval:1h}") Duration sweepInterval) {
        this.orphans = orphans;
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
        // A failed run (database away) is logged by the scheduler; the next run takes it up.
        tasks.addFixedDelayTask(orphans::sweep, sweepInterval);
    }
}
