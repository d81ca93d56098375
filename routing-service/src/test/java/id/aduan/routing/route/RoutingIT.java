package id.aduan.routing.route;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.Topic;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Complaints;
import id.aduan.testkit.ConsumerGroups;
import id.aduan.testkit.TopicWatcher;
import id.aduan.testkit.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@AduanServiceTest
class RoutingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aRoadComplaintAddressedToThePopulationRecordsOfficeGoesToThePublicWorksOfficeWithTheRuleThatDecided() {
        String complaintId = ComplaintIds.next();
        TopicWriter.send(Complaints.envelope(Complaints.submitted(complaintId, "32.73.DUKCAPIL", Instant.now())));

        try (TopicWatcher routing = TopicWatcher.watch(Topic.ROUTING)) {
            ComplaintRouted routed = routing.awaitEvent(ComplaintRouted.class, complaintId, PATIENCE).data();
            assertThat(routed.destination()).isEqualTo(Destination.AGENCY);
            assertThat(routed.agencyCode()).isEqualTo("32.73.DPUPR");
            assertThat(routed.rule()).isEqualTo("local-roads");
            assertThat(routed.explanation()).contains("(32.73.DPUPR) is competent", "(32.73.DUKCAPIL), which is not competent");
        }
    }

    @Test
    void aComplaintOfAnUnknownCategoryGoesToTheNationalCoordinatorsQueue() {
        String complaintId = ComplaintIds.next();
        ComplaintSubmitted road = Complaints.submitted(complaintId, null, Instant.now());
        TopicWriter.send(Complaints.envelope(new ComplaintSubmitted(complaintId, road.channel(), road.title(),
                road.description(), "MAGIC.BEANS", road.location(), null, road.receivedAt(), road.submittedAt(),
                false, false, null)));

        try (TopicWatcher routing = TopicWatcher.watch(Topic.ROUTING)) {
            ComplaintRouted routed = routing.awaitEvent(ComplaintRouted.class, complaintId, PATIENCE).data();
            assertThat(routed.destination()).isEqualTo(Destination.COORDINATORS_QUEUE);
            assertThat(routed.agencyCode()).isNull();
        }
    }

    @Test
    void aRedeliveredSubmissionIsRoutedOnlyOnce() {
        String complaintId = ComplaintIds.next();
        EventEnvelope<ComplaintSubmitted> submitted =
                Complaints.envelope(Complaints.submitted(complaintId, "32.73.DPUPR", Instant.now()));
        TopicWriter.send(submitted);
        TopicWriter.send(submitted);
        TopicWriter.send(submitted);
        ConsumerGroups.awaitCaughtUp("routing-service", PATIENCE, Topic.COMPLAINTS);

        try (TopicWatcher routing = TopicWatcher.watch(Topic.ROUTING)) {
            routing.awaitEvent(ComplaintRouted.class, complaintId, PATIENCE);
            List<EventEnvelope<?>> events = routing.eventsAbout(complaintId, Duration.ofSeconds(2));
            assertThat(events).hasSize(1);
        }
    }
}
