package id.aduan.intake.processing;

import jakarta.annotation.PreDestroy;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Shares each processor's segments among the running instances. Axon's processors claim every segment
 * nobody holds, so the first instance up would keep all of them while the others stand by; here each
 * instance says it is alive, and one holding more than its share of a processor's segments releases the
 * surplus for long enough that another instance claims it (docs/architecture.md, "Segments").
 */
@Component
class FairShare {

    /** An instance not seen for this long is gone (it says it is alive every few seconds). */
    private static final String ALIVE = "15 seconds";
    /** Longer than the processors' token claim interval (5 s), so that another instance claims what is let go. */
    private static final long RELEASE_MILLIS = 15_000;

    private final String instance = UUID.randomUUID().toString();
    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;

    FairShare(JdbcTemplate jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
    }

    void rebalance() {
        jdbc.update("INSERT INTO processor_instance (instance_id, seen_at) VALUES (?, now()) "
                + "ON CONFLICT (instance_id) DO UPDATE SET seen_at = now()", instance);
        jdbc.update("DELETE FROM processor_instance WHERE seen_at < now() - interval '" + ALIVE + "'");
        Integer alive = jdbc.queryForObject("SELECT count(*) FROM processor_instance", Integer.class);
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Integer segments = jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?", Integer.class, name);
                long share = (segments + alive - 1) / alive;
                streaming.processingStatus().keySet().stream().sorted().skip(share)
                        .forEach(segment -> streaming.releaseSegment(segment, RELEASE_MILLIS, TimeUnit.MILLISECONDS));
            }
        });
    }

    /** Gone at once, not after {@link #ALIVE}: the others take up its share as soon as its claims end. */
    @PreDestroy
    void leave() {
        jdbc.update("DELETE FROM processor_instance WHERE instance_id = ?", instance);
    }
}
