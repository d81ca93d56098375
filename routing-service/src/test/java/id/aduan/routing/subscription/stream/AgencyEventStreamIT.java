package id.aduan.routing.subscription.stream;

import static id.aduan.routing.subscription.RoutingSteps.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.SlaClockBreached;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockWarning;
import id.aduan.routing.subscription.EventStreamClient;
import id.aduan.routing.subscription.RoutingSteps;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.TestIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

@AduanServiceTest
class AgencyEventStreamIT {

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient http;

    private final TestIssuer issuer = TestIssuer.shared();

    @Test
    void aClientThatDisconnectsMidStreamResumesWithLastEventIdAndMissesNothingAndSeesNothingTwice() {
        String agency = RoutingSteps.freshAgency();
        List<EventEnvelope<ComplaintRouted>> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(RoutingSteps.routedTo(agency));
        }
        var stream = new EventStreamClient(port);

        List<ServerSentEvent<String>> before = stream.events(agency, issuer.agency(agency), null)
                .take(2).collectList().block(PATIENCE);
        // Disconnected after two; more happens while the agency's system is away.
        for (int i = 0; i < 3; i++) {
            published.add(RoutingSteps.routedTo(agency));
        }
        String lastSeen = before.get(before.size() - 1).id();
        List<ServerSentEvent<String>> after = stream.events(agency, issuer.agency(agency), lastSeen)
                .take(6).collectList().block(PATIENCE);

        List<ServerSentEvent<String>> all = Stream.concat(before.stream(), after.stream()).toList();
        assertThat(all).extracting(ServerSentEvent::id)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 8).mapToObj(Long::toString).toList());
        assertThat(all).extracting(event -> decode(event).id())
                .containsExactlyInAnyOrderElementsOf(published.stream().map(EventEnvelope::id).toList());
        assertThat(all).allSatisfy(event -> {
            assertThat(event.event()).isEqualTo("aduan.complaint.routed.v1");
            assertThat(((ComplaintRouted) decode(event).data()).agencyCode()).isEqualTo(agency);
        });
    }

    @Test
    void theStreamEndsWhenTheTokenExpiresAndAFreshTokenWithLastEventIdGetsTheRestWithoutGapsOrRepeats() {
        String agency = RoutingSteps.freshAgency();
        List<EventEnvelope<ComplaintRouted>> published = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            published.add(RoutingSteps.routedTo(agency));
        }
        var stream = new EventStreamClient(port);
        Instant expiresAt = Instant.now().plusSeconds(3);

        // Not cut short by the test: the stream completes by itself, at the token's expiry.
        List<ServerSentEvent<String>> before = stream.events(agency, expiringAt(agency, expiresAt), null)
                .collectList().block(PATIENCE);
        assertThat(Instant.now()).isAfterOrEqualTo(expiresAt.truncatedTo(ChronoUnit.SECONDS));
        for (int i = 0; i < 2; i++) {
            published.add(RoutingSteps.routedTo(agency));
        }
        List<ServerSentEvent<String>> after = stream.events(agency, issuer.agency(agency), before.get(before.size() - 1).id())
                .take(2).collectList().block(PATIENCE);

        List<ServerSentEvent<String>> all = Stream.concat(before.stream(), after.stream()).toList();
        assertThat(before).extracting(ServerSentEvent::id).containsExactly("1", "2");
        assertThat(all).extracting(ServerSentEvent::id).containsExactly("1", "2", "3", "4");
        assertThat(all).extracting(event -> decode(event).id())
                .containsExactlyInAnyOrderElementsOf(published.stream().map(EventEnvelope::id).toList());
    }

    @Test
    void theAgencysStreamCarriesTheWarningAndTheBreachOfItsFollowUpClockAfterTheStepThatBroughtTheComplaint() {
        String agency = RoutingSteps.freshAgency();
        EventEnvelope<ComplaintRouted> routed = RoutingSteps.routedTo(agency);
        RoutingSteps.awaitServiceFeedsCaughtUp();
        String clock = UUID.randomUUID().toString();
        EventEnvelope<SlaClockWarning> warning = RoutingSteps.warned(routed.subject(), clock, ClockKind.FOLLOW_UP, agency);
        EventEnvelope<SlaClockBreached> breach = RoutingSteps.breached(routed.subject(), clock, ClockKind.FOLLOW_UP, agency);

        List<ServerSentEvent<String>> events = new EventStreamClient(port).events(agency, issuer.agency(agency), null)
                .take(3).collectList().block(PATIENCE);

        assertThat(events).extracting(ServerSentEvent::event).containsExactly(
                "aduan.complaint.routed.v1", "aduan.sla.clock-warning.v1", "aduan.sla.clock-breached.v1");
        assertThat(events).extracting(ServerSentEvent::id).containsExactly("1", "2", "3");
        assertThat(decode(events.get(1))).isEqualTo(warning);
        assertThat(decode(events.get(2))).isEqualTo(breach);
    }

    @Test
    void aFirstConnectionMayStartAfterAnEventByQueryParameter() {
        String agency = RoutingSteps.freshAgency();
        for (int i = 0; i < 3; i++) {
            RoutingSteps.routedTo(agency);
        }
        // Else the feed may not reach 2 yet, and the id would be refused as beyond it.
        RoutingSteps.awaitServiceFeedsCaughtUp();
        var stream = new EventStreamClient(port);
        List<ServerSentEvent<String>> events = stream.eventsFromQuery(agency, issuer.agency(agency), "2")
                .take(1).collectList().block(PATIENCE);
        assertThat(events).extracting(ServerSentEvent::id).containsExactly("3");
    }

    @Test
    void aCoordinatorMayWatchAnyAgencyButNoOtherAgencyMay() {
        String agency = RoutingSteps.freshAgency();
        RoutingSteps.routedTo(agency);
        var stream = new EventStreamClient(port);
        assertThat(stream.events(agency, issuer.coordinator(), null).take(1).collectList().block(PATIENCE)).hasSize(1);

        for (String outsider : List.of(issuer.agency(RoutingSteps.freshAgency()), issuer.citizen(), issuer.ombudsman())) {
            open(agency, outsider, null).expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        http.get().uri("/api/v1/agencies/{code}/events", agency).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aLastEventIdThatIsNotANumberOrBeyondTheFeedIsRefusedNamingIt() {
        String agency = RoutingSteps.freshAgency();
        for (String lastEventId : List.of("yesterday", "-1", "999")) {
            open(agency, issuer.agency(agency), lastEventId).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("Last-Event-ID");
        }
        open("not an agency", issuer.coordinator(), null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("code");
    }

    /** The agency's token as the issuer mints it, but with {@code exp} at that instant (JWT times are whole seconds). */
    private String expiringAt(String agency, Instant expiresAt) {
        return issuer.sign(new JWTClaimsSet.Builder()
                .issuer(issuer.issuer())
                .subject("agency-" + agency)
                .audience(TestIssuer.AUDIENCE)
                .issueTime(new Date())
                .expirationTime(Date.from(expiresAt))
                .claim("roles", List.of("agency"))
                .claim("agency", agency)
                .build());
    }

    private WebTestClient.ResponseSpec open(String agency, String token, String lastEventId) {
        return http.get().uri("/api/v1/agencies/{code}/events", agency)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .headers(headers -> {
                    if (lastEventId != null) {
                        headers.set("Last-Event-ID", lastEventId);
                    }
                })
                .exchange();
    }

    private static EventEnvelope<?> decode(ServerSentEvent<String> event) {
        return CloudEventCodec.decode(event.data().getBytes(StandardCharsets.UTF_8));
    }
}
