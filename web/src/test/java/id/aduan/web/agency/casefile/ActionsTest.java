package id.aduan.web.agency.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.web.security.Person;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which forms the case file offers: those the API would accept from this person now (docs/lifecycle.md). */
class ActionsTest {

    private static final Person ADMIN = new Person("admin-dpupr", List.of(Person.AGENCY), "32.73.DPUPR", null);
    private static final Person LIAISON = new Person("penghubung-jalan", List.of(Person.LIAISON_OFFICER), "32.73.DPUPR",
            "32.73.DPUPR/UPT-JALAN");

    @Test
    void theAdminOfTheAssignedAgencyMayDoEverythingButCompleteBeforeAnyFollowUp() {
        var actions = CaseFilePage.Actions.of(complaint("VERIFIED", null), ADMIN);
        assertThat(actions).isEqualTo(new CaseFilePage.Actions(true, true, false, true, true));
    }

    @Test
    void aLiaisonOfficerWorksOnlyOnWhatWasHandedToTheirUnitAndNeverForwardsNorAssigns() {
        assertThat(CaseFilePage.Actions.of(complaint("IN_PROCESS", null), LIAISON).any()).isFalse();
        assertThat(CaseFilePage.Actions.of(complaint("IN_PROCESS", "32.73.DPUPR/UPT-JALAN"), LIAISON))
                .isEqualTo(new CaseFilePage.Actions(true, true, true, false, false));
    }

    @Test
    void anOpenQuestionHoldsBackCompletionAndASecondQuestion() {
        var asked = complaint("IN_PROCESS", null, step("QUESTION_ASKED"));
        assertThat(CaseFilePage.Actions.of(asked, ADMIN)).isEqualTo(new CaseFilePage.Actions(true, false, false, true, true));
        var answered = complaint("IN_PROCESS", null, step("QUESTION_ASKED"), step("QUESTION_ANSWERED"));
        assertThat(CaseFilePage.Actions.of(answered, ADMIN).completion()).isTrue();
    }

    @Test
    void anotherAgencysOrAFinishedComplaintOffersNothing() {
        var elsewhere = new Person("admin", List.of(Person.AGENCY), "32.73.DUKCAPIL", null);
        assertThat(CaseFilePage.Actions.of(complaint("VERIFIED", null), elsewhere).any()).isFalse();
        assertThat(CaseFilePage.Actions.of(complaint("AWAITING_REPORTER", null), ADMIN).any()).isFalse();
        assertThat(CaseFilePage.Actions.of(complaint("COMPLETED", null), ADMIN).any()).isFalse();
    }

    private static CaseFile.Step step(String name) {
        return new CaseFile.Step(name, Instant.now(), "", null, null, null, null, null);
    }

    private static CaseFile.Complaint complaint(String status, String unit, CaseFile.Step... timeline) {
        return new CaseFile.Complaint("ADU-1", status, "Jalan", "Lubang", "INFRA.ROAD", "32.73.01", null, "WEB", Instant.now(),
                "ASPIRATION", false, false, "32.73.DPUPR", unit, null, List.of(timeline));
    }
}
