package id.aduan.intake.complaint;

import id.aduan.contracts.Channel;
import id.aduan.contracts.Location;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ComplaintTest {

    private static final Instant NOW = Instant.parse("2026-03-02T01:15:00Z");
    private static final Submission ROAD = new Submission(Channel.WEB, "Jalan berlubang",
            "Lubang besar di Jalan Merdeka.", "INFRA.ROAD", Location.of("32.73.01"), "32.73.DPUPR", NOW, false, false);
    /** The aggregate only ever sees the identity sealed (ReporterVault encrypts it before the command). */
    private static final SealedReporter SITI = new SealedReporter("rk-1", "c2VhbGVk");
    private static final String SECRET_HASH = ReporterSecret.hash("rahasia-pelapor");

    private AggregateTestFixture<Complaint> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Complaint.class);
    }

    @Test
    void aSubmittedComplaintRecordsEverythingTheReporterGaveWithTheirIdentitySealed() {
        fixture.givenNoPriorActivity()
                .when(submit(SITI, "rep-1", NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ComplaintSubmittedEvent("ADU-3F7KQ9M2XD", ROAD, NOW, SITI, "rep-1", SECRET_HASH));
    }

    @Test
    void aComplaintWithoutIdentityHasNoReporterReference() {
        fixture.givenNoPriorActivity()
                .when(submit(null, null, NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ComplaintSubmittedEvent("ADU-3F7KQ9M2XD", ROAD, NOW, null, null, SECRET_HASH));
    }

    @Test
    void aComplaintCannotBeReceivedAfterItIsSubmitted() {
        fixture.givenNoPriorActivity()
                .when(submit(SITI, "rep-1", NOW.minusSeconds(60)))
                .expectException(ComplaintRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aReporterReferenceWithoutAReporterIsRefused() {
        fixture.givenNoPriorActivity()
                .when(submit(null, "rep-1", NOW))
                .expectException(ComplaintRuleViolation.class)
                .expectNoEvents();
    }

    private static SubmitComplaint submit(SealedReporter reporter, String reporterRef, Instant submittedAt) {
        return new SubmitComplaint("ADU-3F7KQ9M2XD", ROAD, submittedAt, reporter, reporterRef, SECRET_HASH);
    }
}
