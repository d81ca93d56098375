package id.aduan.intake.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.intake.complaint.ComplaintStatus;
import id.aduan.intake.complaint.ReporterSecret;
import id.aduan.intake.tracking.Tracking.Step;
import id.aduan.platform.security.Actor;
import id.aduan.platform.security.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who sees what of a complaint. */
class AudienceTest {

    private static final String SECRET = ReporterSecret.generate();
    private static final Actor CITIZEN = new Actor("citizen-app", Set.of(Role.CITIZEN), null);
    private static final Actor COORDINATOR = new Actor("coordinator", Set.of(Role.COORDINATOR), null);
    private static final Actor OMBUDSMAN = new Actor("ombudsman", Set.of(Role.OMBUDSMAN), null);
    private static final Actor DPUPR = new Actor("agency", Set.of(Role.AGENCY), "32.73.DPUPR");
    private static final Actor DINKES = new Actor("agency", Set.of(Role.AGENCY), "32.73.DINKES");

    private static TrackedComplaint complaint(boolean anonymous, boolean confidential) {
        return new TrackedComplaint("ADU-3F7KQ9M2XD", ComplaintStatus.VERIFIED, "Jalan berlubang", "Lubang besar.",
                "INFRA.ROAD", "32.73.01", null, null, null, "WEB", Instant.EPOCH, "ASPIRATION", anonymous, confidential, "32.73.DPUPR",
                "Siti Aminah", ReporterSecret.hash(SECRET),
                List.of(new Step("SUBMITTED", Instant.EPOCH, "Laporan diterima melalui kanal WEB.", null, null)));
    }

    @Test
    void thePublicNeverSeesWhoReportedAndShowsAnonimForAnAnonymousComplaint() {
        assertThat(complaint(false, false).shownTo(Audience.of(complaint(false, false), null, null)))
                .hasValueSatisfying(view -> assertThat(view.reporter()).isNull());
        assertThat(complaint(true, false).shownTo(Audience.PUBLIC))
                .hasValueSatisfying(view -> assertThat(view.reporter()).isEqualTo("Anonim"));
    }

    @Test
    void aConfidentialComplaintDoesNotExistForThePublicNorForAnyOtherToken() {
        TrackedComplaint rahasia = complaint(false, true);
        assertThat(rahasia.shownTo(Audience.of(rahasia, null, null))).isEmpty();
        assertThat(rahasia.shownTo(Audience.of(rahasia, CITIZEN, null))).isEmpty();
        assertThat(rahasia.shownTo(Audience.of(rahasia, DINKES, null))).isEmpty();
        assertThat(rahasia.shownTo(Audience.of(rahasia, null, ReporterSecret.hash("geraten")))).isEmpty();
    }

    @Test
    void theReporterSeesTheirOwnConfidentialComplaintWithTheirName() {
        TrackedComplaint rahasia = complaint(true, true);
        Audience owner = Audience.of(rahasia, null, ReporterSecret.hash(SECRET));
        assertThat(owner).isEqualTo(Audience.REPORTER);
        assertThat(rahasia.shownTo(owner)).hasValueSatisfying(view -> assertThat(view.reporter()).isEqualTo("Siti Aminah"));
    }

    @Test
    void supervisorsSeeEverythingTheAssignedAgencyNotWhoReportedAnAnonymousComplaint() {
        TrackedComplaint anonim = complaint(true, true);
        assertThat(Audience.of(anonim, COORDINATOR, null)).isEqualTo(Audience.SUPERVISOR);
        assertThat(Audience.of(anonim, OMBUDSMAN, null)).isEqualTo(Audience.SUPERVISOR);
        assertThat(anonim.shownTo(Audience.SUPERVISOR)).hasValueSatisfying(view -> assertThat(view.reporter()).isEqualTo("Siti Aminah"));
        assertThat(Audience.of(anonim, DPUPR, null)).isEqualTo(Audience.ASSIGNED_AGENCY);
        assertThat(anonim.shownTo(Audience.ASSIGNED_AGENCY)).hasValueSatisfying(view -> assertThat(view.reporter()).isEqualTo("Anonim"));
        assertThat(complaint(false, false).shownTo(Audience.ASSIGNED_AGENCY))
                .hasValueSatisfying(view -> assertThat(view.reporter()).isEqualTo("Siti Aminah"));
        assertThat(Audience.of(anonim, DINKES, null)).isEqualTo(Audience.PUBLIC);
    }

    @Test
    void aComplaintWithoutAStoredSecretHasNoOwner() {
        TrackedComplaint old = new TrackedComplaint("ADU-3F7KQ9M2XD", ComplaintStatus.VERIFIED, "t", "d", "INFRA.ROAD",
                "32.73.01", null, null, null, "WEB", Instant.EPOCH, null, false, true, null, null, null, List.of());
        assertThat(Audience.of(old, null, null)).isEqualTo(Audience.PUBLIC);
    }
}
