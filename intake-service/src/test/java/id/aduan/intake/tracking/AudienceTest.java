package id.aduan.intake.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.intake.complaint.ComplaintStatus;
import id.aduan.intake.complaint.Reporter;
import id.aduan.intake.complaint.ReporterSecret;
import id.aduan.intake.complaint.SealedReporter;
import id.aduan.intake.tracking.ReporterView.Status;
import id.aduan.intake.tracking.Tracking.Step;
import id.aduan.platform.security.Actor;
import id.aduan.platform.security.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who sees what of a complaint and its reporter (docs/personal-data.md). */
class AudienceTest {

    private static final String SECRET = ReporterSecret.generate();
    private static final Actor CITIZEN = new Actor("citizen-app", Set.of(Role.CITIZEN), null);
    private static final Actor COORDINATOR = new Actor("coordinator", Set.of(Role.COORDINATOR), null);
    private static final Actor OMBUDSMAN = new Actor("ombudsman", Set.of(Role.OMBUDSMAN), null);
    private static final Actor DPUPR = new Actor("agency", Set.of(Role.AGENCY), "32.73.DPUPR");
    private static final Actor DINKES = new Actor("agency", Set.of(Role.AGENCY), "32.73.DINKES");
    private static final Actor ROADS_UNIT = new Actor("penghubung", Set.of(Role.LIAISON_OFFICER), "32.73.DPUPR", "32.73.DPUPR/UPT-JALAN");
    private static final Actor DRAINS_UNIT = new Actor("penghubung", Set.of(Role.LIAISON_OFFICER), "32.73.DPUPR", "32.73.DPUPR/UPT-DRAINASE");
    private static final Reporter SITI = new Reporter("Siti Aminah", "siti@example.id", "+6281234567890", "3273014501900002", null);
    private static final Optional<Reporter> OPENED = Optional.of(SITI);
    private static final Optional<Reporter> ERASED = Optional.empty();

    private static TrackedComplaint complaint(boolean anonymous, boolean confidential) {
        return new TrackedComplaint("ADU-3F7KQ9M2XD", ComplaintStatus.VERIFIED, "Jalan berlubang", "Lubang besar.",
                "INFRA.ROAD", "32.73.01", null, null, null, "WEB", Instant.EPOCH, "ASPIRATION", anonymous, confidential,
                "32.73.DPUPR", "32.73.DPUPR/UPT-JALAN", new SealedReporter("rk-1", "c2VhbGVk"), "rep-1", ReporterSecret.hash(SECRET),
                List.of(new Step("SUBMITTED", Instant.EPOCH, "Laporan diterima melalui kanal WEB.", null, null)));
    }

    private static ReporterView reporterAs(TrackedComplaint complaint, Audience audience, Optional<Reporter> identity) {
        return complaint.shownTo(audience, identity).orElseThrow().reporter();
    }

    @Test
    void thePublicNeverSeesWhoReportedAndIsToldWhenTheReporterIsAnonymous() {
        TrackedComplaint open = complaint(false, false);
        assertThat(Audience.of(open, null, null)).isEqualTo(Audience.PUBLIC);
        assertThat(open.showsIdentityTo(Audience.PUBLIC)).isFalse();
        assertThat(reporterAs(open, Audience.PUBLIC, Optional.empty())).isNull();
        assertThat(reporterAs(complaint(true, false), Audience.PUBLIC, Optional.empty())).isEqualTo(ReporterView.ANONYMOUS);
    }

    @Test
    void aConfidentialComplaintDoesNotExistForThePublicNorForAnyOtherToken() {
        TrackedComplaint rahasia = complaint(false, true);
        for (Actor other : new Actor[] {null, CITIZEN, DINKES, DRAINS_UNIT}) {
            assertThat(rahasia.shownTo(Audience.of(rahasia, other, null), Optional.empty())).isEmpty();
        }
        assertThat(rahasia.shownTo(Audience.of(rahasia, null, ReporterSecret.hash("geraten")), Optional.empty())).isEmpty();
    }

    @Test
    void theReporterSeesEverythingTheyGaveEvenOnAnAnonymousConfidentialComplaint() {
        TrackedComplaint rahasia = complaint(true, true);
        Audience owner = Audience.of(rahasia, null, ReporterSecret.hash(SECRET));
        assertThat(owner).isEqualTo(Audience.REPORTER);
        assertThat(rahasia.showsIdentityTo(owner)).isTrue();
        assertThat(reporterAs(rahasia, owner, OPENED)).isEqualTo(new ReporterView(Status.IDENTIFIED, "rep-1", "Siti Aminah",
                "siti@example.id", "+6281234567890", "3273014501900002", null));
    }

    @Test
    void coordinatorsSeeTheWholeIdentityOfAReporterWhoIsNotAnonymousForVerification() {
        TrackedComplaint named = complaint(false, true);
        assertThat(Audience.of(named, COORDINATOR, null)).isEqualTo(Audience.COORDINATOR);
        assertThat(reporterAs(named, Audience.COORDINATOR, OPENED).email()).isEqualTo("siti@example.id");
        assertThat(reporterAs(named, Audience.COORDINATOR, OPENED).reporterRef()).isEqualTo("rep-1");
    }

    @Test
    void theAssignedAgencyItsUnitAndTheOmbudsmanSeeOnlyTheName() {
        TrackedComplaint named = complaint(false, true);
        ReporterView nameOnly = new ReporterView(Status.IDENTIFIED, null, "Siti Aminah", null, null, null, null);
        assertThat(Audience.of(named, DPUPR, null)).isEqualTo(Audience.ASSIGNED_AGENCY);
        assertThat(Audience.of(named, ROADS_UNIT, null)).isEqualTo(Audience.ASSIGNED_AGENCY);
        assertThat(Audience.of(named, OMBUDSMAN, null)).isEqualTo(Audience.OMBUDSMAN);
        assertThat(reporterAs(named, Audience.ASSIGNED_AGENCY, OPENED)).isEqualTo(nameOnly);
        assertThat(reporterAs(named, Audience.OMBUDSMAN, OPENED)).isEqualTo(nameOnly);
        assertThat(Audience.of(named, DRAINS_UNIT, null)).isEqualTo(Audience.PUBLIC);
        assertThat(Audience.of(named, DINKES, null)).isEqualTo(Audience.PUBLIC);
    }

    @Test
    void nobodyButTheReporterSeesWhoReportedAnAnonymousComplaint() {
        TrackedComplaint anonim = complaint(true, true);
        for (Audience audience : new Audience[] {Audience.COORDINATOR, Audience.OMBUDSMAN, Audience.ASSIGNED_AGENCY}) {
            assertThat(anonim.showsIdentityTo(audience)).as(audience.name()).isFalse();
            assertThat(reporterAs(anonim, audience, Optional.empty())).as(audience.name()).isEqualTo(ReporterView.ANONYMOUS);
        }
    }

    @Test
    void anErasedReporterIsShownAsErasedToWhoeverSawThemBefore() {
        TrackedComplaint named = complaint(false, true);
        for (Audience audience : new Audience[] {Audience.REPORTER, Audience.COORDINATOR, Audience.OMBUDSMAN, Audience.ASSIGNED_AGENCY}) {
            assertThat(reporterAs(named, audience, ERASED)).as(audience.name()).isEqualTo(ReporterView.ERASED);
        }
        assertThat(reporterAs(complaint(true, false), Audience.PUBLIC, ERASED)).isEqualTo(ReporterView.ANONYMOUS);
    }

    @Test
    void aComplaintWithoutAStoredSecretHasNoOwner() {
        TrackedComplaint old = new TrackedComplaint("ADU-3F7KQ9M2XD", ComplaintStatus.VERIFIED, "t", "d", "INFRA.ROAD",
                "32.73.01", null, null, null, "WEB", Instant.EPOCH, null, false, true, null, null, null, null, null, List.of());
        assertThat(Audience.of(old, null, null)).isEqualTo(Audience.PUBLIC);
        assertThat(Audience.of(old, CITIZEN, null)).isEqualTo(Audience.PUBLIC);
    }
}
