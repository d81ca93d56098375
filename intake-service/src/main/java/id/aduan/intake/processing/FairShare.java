package id.aduan.intake.processing;

import jakarta.annotation.PreDestroy;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Shares each processor's segments among the running instances. Axon's processors claim every segment
 * nobody holds, so the first instance up would keep all of them while the others stand by; here each
 * instance says it is alive, and one holding more than its share of a processor's segments releases the
 * surplus for long enough that another instance claims it. Tokens made before a processor had its
 * configured segment count are split here too, one segment a round (docs/architecture.md, "Intake's event
 * processors").
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
    private final EventProcessorProperties settings;

    FairShare(JdbcTemplate jdbc, EventProcessingConfiguration processing, EventProcessorProperties settings) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.settings = settings;
    }

    void rebalance() {
        jdbc.update("INSERT INTO processor_instance (instance_id, seen_at) VALUES (?, now()) "
                + "ON CONFLICT (instance_id) DO UPDATE SET seen_at = now()", instance);
        jdbc.update("DELETE FROM processor_instance WHERE seen_at < now() - interval '" + ALIVE + "'");
        Integer alive = jdbc.queryForObject("SELECT count(*) FROM processor_instance", Integer.class);
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Integer segments = jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?", Integer.class, name);
                if (segments < wantedSegments(name)) {
                    splitLargestHeld(streaming);
                    return;
                }
                long share = (segments + alive - 1) / alive;
                streaming.processingStatus().keySet().stream().sorted().skip(share)
                        .forEach(segment -> streaming.releaseSegment(segment, RELEASE_MILLIS, TimeUnit.MILLISECONDS));
            }
        });
    }

    private int wantedSegments(String processor) {
        EventProcessorProperties.ProcessorSettings configured = settings.getProcessors().get(processor);
        return configured == null || configured.getInitialSegmentCount() == null ? 1 : configured.getInitialSegmentCount();
    }

    /** The segment with the smallest mask covers the most complaints. */
    private static void splitLargestHeld(StreamingEventProcessor processor) {
        processor.processingStatus().values().stream().map(EventTrackerStatus::getSegment)
                .min(Comparator.comparingInt(Segment::getMask))
                .ifPresent(largest -> processor.splitSegment(largest.getSegmentId()));
    }

    /** Gone at once, not after {@link #ALIVE}: the others take up its share as soon as its claims end. */
    @PreDestroy
    void leave() {
        jdbc.update("DELETE FROM processor_instance WHERE instance_id = ?", instance);
    }
}
