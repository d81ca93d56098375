package id.aduan.intake.complaint;

import static id.aduan.intake.complaint.LifecycleFixtures.DINKES;
import static id.aduan.intake.complaint.LifecycleFixtures.DPUPR;
import static id.aduan.intake.complaint.LifecycleFixtures.ID;
import static id.aduan.intake.complaint.LifecycleFixtures.assignedTo;
import static id.aduan.intake.complaint.LifecycleFixtures.at;
import static id.aduan.intake.complaint.LifecycleFixtures.completedHistory;
import static id.aduan.intake.complaint.LifecycleFixtures.followedUp;
import static id.aduan.intake.complaint.LifecycleFixtures.submitted;
import static id.aduan.intake.complaint.LifecycleFixtures.verified;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An agency admin hands a complaint to a unit; that unit's liaison officer, and no other, then acts on it. */
class UnitAssignmentTest {

    private static final String ROADS = DPUPR + "/UPT-JALAN";
    private static final String DRAINS = DPUPR + "/UPT-DRAINASE";

    private FixtureConfiguration<Complaint> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Complaint.class);
    }

    private static ComplaintAssignedToUnitEvent handedTo(String unit) {
        return new ComplaintAssignedToUnitEvent(ID, DPUPR, unit, at(3));
    }

    private static RecordFollowUp followUpByUnit(String unit) {
        return new RecordFollowUp(ID, DPUPR, unit, "Sudah ditambal.", List.of(), at(10));
    }

    @Test
    void theAssignedAgencysAdminHandsTheComplaintToOneOfItsUnits() {
        fixture.given(submitted(), verified(), assignedTo(DPUPR))
                .when(new AssignToUnit(ID, DPUPR, ROADS, at(3)))
                .expectEvents(handedTo(ROADS))
                .expectResultMessagePayload(ComplaintStatus.VERIFIED);
    }

    @Test
    void handingItToTheSameUnitAgainRecordsNothing() {
        fixture.given(submitted(), verified(), assignedTo(DPUPR), handedTo(ROADS))
                .when(new AssignToUnit(ID, DPUPR, ROADS, at(4)))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void onlyTheAssignedAgencyHandsItOnAndOnlyToItsOwnUnits() {
        fixture.given(submitted(), verified(), assignedTo(DPUPR))
                .when(new AssignToUnit(ID, DINKES, DINKES + "/PUSKESMAS-1", at(3)))
                .expectException(NotTheAssignedAgency.class).expectNoEvents();
        fixture.given(submitted(), verified(), assignedTo(DPUPR))
                .when(new AssignToUnit(ID, DPUPR, DINKES + "/PUSKESMAS-1", at(3)))
                .expectException(ComplaintRuleViolation.class).expectNoEvents();
        fixture.given(completedHistory())
                .when(new AssignToUnit(ID, DPUPR, ROADS, at(10)))
                .expectException(ComplaintLifecycleConflict.class).expectNoEvents();
    }

    @Test
    void theLiaisonOfficerOfThatUnitFollowsItUpAndMarksItComplete() {
        fixture.given(submitted(), verified(), assignedTo(DPUPR), handedTo(ROADS))
                .when(followUpByUnit(ROADS))
                .expectEvents(new ComplaintFollowedUpEvent(ID, DPUPR, "Sudah ditambal.", List.of(), at(10)));
        fixture.given(submitted(), verified(), assignedTo(DPUPR), handedTo(ROADS), followedUp())
                .when(new MarkComplete(ID, DPUPR, ROADS, at(10)))
                .expectEvents(new ComplaintMarkedCompleteEvent(ID, DPUPR, at(10)));
    }

    @Test
    void anotherUnitsLiaisonOfficerIsRefusedAndSoIsOneBeforeTheComplaintIsHandedToAUnit() {
        fixture.given(submitted(), verified(), assignedTo(DPUPR), handedTo(ROADS))
                .when(followUpByUnit(DRAINS))
                .expectException(NotTheAssignedAgency.class).expectNoEvents();
        fixture.given(submitted(), verified(), assignedTo(DPUPR))
                .when(followUpByUnit(ROADS))
                .expectException(NotTheAssignedAgency.class).expectNoEvents();
    }

    @Test
    void theAgencyAdminStillActsForEveryUnit() {
        fixture.given(submitted(), verified(), assignedTo(DPUPR), handedTo(ROADS))
                .when(new RecordFollowUp(ID, DPUPR, "Ditangani langsung oleh dinas.", List.of(), at(10)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void forwardingToAnotherAgencyTakesTheComplaintAwayFromTheUnit() {
        fixture.given(submitted(), verified(), assignedTo(DPUPR), handedTo(ROADS), assignedTo(DINKES), assignedTo(DPUPR))
                .when(followUpByUnit(ROADS))
                .expectException(NotTheAssignedAgency.class).expectNoEvents();
    }
}
