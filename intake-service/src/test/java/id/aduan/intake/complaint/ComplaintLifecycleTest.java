package id.aduan.intake.complaint;

import static id.aduan.intake.complaint.LifecycleFixtures.DINKES;
import static id.aduan.intake.complaint.LifecycleFixtures.DPUPR;
import static id.aduan.intake.complaint.LifecycleFixtures.SECRET_HASH;
import static id.aduan.intake.complaint.LifecycleFixtures.ID;
import static id.aduan.intake.complaint.LifecycleFixtures.assignedTo;
import static id.aduan.intake.complaint.LifecycleFixtures.at;
import static id.aduan.intake.complaint.LifecycleFixtures.awaitingReporter;
import static id.aduan.intake.complaint.LifecycleFixtures.completedHistory;
import static id.aduan.intake.complaint.LifecycleFixtures.followedUp;
import static id.aduan.intake.complaint.LifecycleFixtures.inProcess;
import static id.aduan.intake.complaint.LifecycleFixtures.markedComplete;
import static id.aduan.intake.complaint.LifecycleFixtures.reopened;
import static id.aduan.intake.complaint.LifecycleFixtures.submitted;
import static id.aduan.intake.complaint.LifecycleFixtures.verified;

import id.aduan.contracts.Channel;
import id.aduan.contracts.Classification;
import id.aduan.contracts.ComplaintArchived;
import id.aduan.contracts.ComplaintCompleted;
import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.contracts.Location;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ComplaintLifecycleTest {

    private FixtureConfiguration<Complaint> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Complaint.class);
    }

    private static final List<Submission.Attachment> PHOTO = List.of(new Submission.Attachment("att-1",
            "foto.jpg", "image/jpeg", 1024, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));

    private static VerifyComplaint verify(String correctedCategory) {
        return verify(correctedCategory, null);
    }

    private static VerifyComplaint verify(String correctedCategory, String correctedRegion) {
        return new VerifyComplaint(ID, Classification.COMPLAINT_SUPERVISORY_WEIGHT, correctedCategory, correctedRegion, true,
                false, "coordinator-ani", at(10));
    }

    private static ComplaintVerifiedEvent verifiedAs(String category, String region) {
        return new ComplaintVerifiedEvent(ID, Classification.COMPLAINT_SUPERVISORY_WEIGHT, category, true, false, at(10),
                region, "coordinator-ani");
    }

    private static RecordFollowUp followUpBy(String agency) {
        return new RecordFollowUp(ID, agency, "Sudah ditambal.", PHOTO, at(10));
    }

    private void refused(ResultValidator<Complaint> result) {
        result.expectException(ComplaintLifecycleConflict.class).expectNoEvents();
    }

    private void notTheirs(ResultValidator<Complaint> result) {
        result.expectException(NotTheAssignedAgency.class).expectNoEvents();
    }

    @Nested
    class Verification {

        @Test
        void aCoordinatorVerifiesASubmittedComplaintKeepingItsCategoryAndRegion() {
            fixture.given(submitted()).when(verify(null))
                    .expectEvents(verifiedAs("INFRA.ROAD", "32.73.01"))
                    .expectResultMessagePayload(ComplaintStatus.VERIFIED);
        }

        @Test
        void aCoordinatorMayCorrectTheCategory() {
            fixture.given(submitted()).when(verify("INFRA.ROAD.LOCAL"))
                    .expectEvents(new ComplaintCorrectedEvent(ID, "INFRA.ROAD", "INFRA.ROAD.LOCAL", "32.73.01", "32.73.01",
                                    "coordinator-ani", at(10)),
                            verifiedAs("INFRA.ROAD.LOCAL", "32.73.01"));
        }

        @Test
        void aCoordinatorMayCorrectTheRegionOfAnSmsThatGaveNone() {
            ComplaintSubmittedEvent sms = new ComplaintSubmittedEvent(ID, new Submission(Channel.SMS, "Jalan rusak",
                    "Jalan rusak di depan pasar.", "GENERAL", Location.of("00"), null, at(0), false, false), at(0), null,
                    null, SECRET_HASH);
            fixture.given(sms).when(verify("INFRA.ROAD", "32.73.01"))
                    .expectEvents(new ComplaintCorrectedEvent(ID, "GENERAL", "INFRA.ROAD", "00", "32.73.01", "coordinator-ani",
                                    at(10)),
                            verifiedAs("INFRA.ROAD", "32.73.01"))
                    .expectResultMessagePayload(ComplaintStatus.VERIFIED);
        }

        @Test
        void correctingToTheValuesItAlreadyHasRecordsNoCorrection() {
            fixture.given(submitted()).when(verify("INFRA.ROAD", "32.73.01"))
                    .expectEvents(verifiedAs("INFRA.ROAD", "32.73.01"));
        }

        @Test
        void aVerifiedComplaintIsNotCorrectedAgain() {
            refused(fixture.given(submitted(), verified()).when(verify("HEALTH", "32.73")));
        }

        @Test
        void aComplaintIsVerifiedOnlyOnce() {
            refused(fixture.given(submitted(), verified()).when(verify(null)));
        }

        @Test
        void anArchivedComplaintCannotBeVerified() {
            refused(fixture.given(submitted(), new ComplaintArchivedEvent(ID, ComplaintArchived.Reason.DUPLICATE, null, at(1)))
                    .when(verify(null)));
        }

        @Test
        void aDeferredComplaintWaitsForTheReporterBeforeVerification() {
            refused(fixture.given(submitted(), new ComplaintDeferredEvent(ID, "Di mana?", at(1))).when(verify(null)));
        }
    }

    @Nested
    class ArchiveAndDeferral {

        @Test
        void aCoordinatorArchivesASubmittedComplaintWithAReason() {
            fixture.given(submitted())
                    .when(new ArchiveComplaint(ID, ComplaintArchived.Reason.OUT_OF_SCOPE, "Bukan layanan publik daerah.", at(10)))
                    .expectEvents(new ComplaintArchivedEvent(ID, ComplaintArchived.Reason.OUT_OF_SCOPE,
                            "Bukan layanan publik daerah.", at(10)))
                    .expectResultMessagePayload(ComplaintStatus.ARCHIVED);
        }

        @Test
        void aVerifiedComplaintCannotBeArchived() {
            refused(fixture.given(submitted(), verified())
                    .when(new ArchiveComplaint(ID, ComplaintArchived.Reason.OTHER, null, at(10))));
        }

        @Test
        void aCoordinatorDefersAndTheReporterAnswersSoItAwaitsVerificationAgain() {
            fixture.given(submitted()).when(new DeferComplaint(ID, "Di depan nomor berapa?", at(10)))
                    .expectEvents(new ComplaintDeferredEvent(ID, "Di depan nomor berapa?", at(10)))
                    .expectResultMessagePayload(ComplaintStatus.DEFERRED);
            fixture.given(submitted(), new ComplaintDeferredEvent(ID, "Di depan nomor berapa?", at(1)))
                    .when(new SupplyInformation(ID, "Nomor 12.", at(10), SECRET_HASH))
                    .expectEvents(new InformationSuppliedEvent(ID, "Nomor 12.", at(10)))
                    .expectResultMessagePayload(ComplaintStatus.AWAITING_VERIFICATION);
        }

        @Test
        void informationCannotBeSuppliedWhenNoneWasAskedFor() {
            refused(fixture.given(submitted()).when(new SupplyInformation(ID, "Nomor 12.", at(10), SECRET_HASH)));
        }

        @Test
        void aDeferredComplaintMayBeArchivedWhenTheReporterNeverAnswers() {
            fixture.given(submitted(), new ComplaintDeferredEvent(ID, "Di mana?", at(1)))
                    .when(new ArchiveComplaint(ID, ComplaintArchived.Reason.INCOMPLETE, null, at(10)))
                    .expectEvents(new ComplaintArchivedEvent(ID, ComplaintArchived.Reason.INCOMPLETE, null, at(10)));
        }
    }

    @Nested
    class Assignment {

        @Test
        void routingsDecisionIsRecordedEvenBeforeVerification() {
            fixture.given(submitted())
                    .when(new RecordAssignment(ID, Destination.AGENCY, DPUPR, at(10), "Rule explained.", null, null, null))
                    .expectEvents(new ComplaintAssignedEvent(ID, Destination.AGENCY, DPUPR, at(10), "Rule explained.", null, null))
                    .expectResultMessagePayload(ComplaintStatus.AWAITING_VERIFICATION);
        }

        @Test
        void aDecisionNamingAUnitHandsTheComplaintToIt() {
            // Jakarta's administrative cities: the province's office holds the affair, through the city's suku dinas.
            fixture.given(submitted())
                    .when(new RecordAssignment(ID, Destination.AGENCY, "31.DUKCAPIL", at(10), "Rule explained.", null, null,
                            "31.DUKCAPIL/SUDIN-JAKPUS"))
                    .expectEvents(new ComplaintAssignedEvent(ID, Destination.AGENCY, "31.DUKCAPIL", at(10), "Rule explained.",
                                    null, null),
                            new ComplaintAssignedToUnitEvent(ID, "31.DUKCAPIL", "31.DUKCAPIL/SUDIN-JAKPUS", at(10)));
        }

        @Test
        void anIdenticalDecisionDeliveredAgainChangesNothing() {
            fixture.given(submitted(), assignedTo(DPUPR))
                    .when(new RecordAssignment(ID, Destination.AGENCY, DPUPR, at(10), "Rule explained.", null, null, null))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aNewDecisionMovesTheComplaintToAnotherAgency() {
            fixture.given(inProcess()).when(new RecordAssignment(ID, Destination.AGENCY, DINKES, at(10), "Rule explained.",
                            "admin-dpupr", "Puskesmas bukan wewenang kami.", null))
                    .expectEvents(new ComplaintAssignedEvent(ID, Destination.AGENCY, DINKES, at(10), "Rule explained.",
                            "admin-dpupr", "Puskesmas bukan wewenang kami."));
        }

        @Test
        void anArchivedComplaintIsNotAssigned() {
            refused(fixture.given(submitted(), new ComplaintArchivedEvent(ID, ComplaintArchived.Reason.DUPLICATE, null, at(1)))
                    .when(new RecordAssignment(ID, Destination.AGENCY, DPUPR, at(10), "Rule explained.", null, null, null)));
        }
    }

    @Nested
    class FollowUp {

        @Test
        void theAssignedAgencyFollowsUpAVerifiedComplaint() {
            fixture.given(submitted(), verified(), assignedTo(DPUPR)).when(followUpBy(DPUPR))
                    .expectEvents(new ComplaintFollowedUpEvent(ID, DPUPR, "Sudah ditambal.", PHOTO, at(10)))
                    .expectResultMessagePayload(ComplaintStatus.IN_PROCESS);
        }

        @Test
        void theAgencyMayFollowUpMoreThanOnce() {
            fixture.given(inProcess()).when(followUpBy(DPUPR))
                    .expectEvents(new ComplaintFollowedUpEvent(ID, DPUPR, "Sudah ditambal.", PHOTO, at(10)));
        }

        @Test
        void noFollowUpBeforeAssignment() {
            notTheirs(fixture.given(submitted(), verified()).when(followUpBy(DPUPR)));
        }

        @Test
        void noFollowUpByAnAgencyThatIsNotAssigned() {
            notTheirs(fixture.given(submitted(), verified(), assignedTo(DPUPR)).when(followUpBy(DINKES)));
        }

        @Test
        void noFollowUpBeforeVerification() {
            refused(fixture.given(submitted(), assignedTo(DPUPR)).when(followUpBy(DPUPR)));
        }

        @Test
        void noFollowUpWhileTheReporterIsAsked() {
            refused(fixture.given(awaitingReporter()).when(followUpBy(DPUPR)));
        }
    }

    @Nested
    class Completion {

        @Test
        void theAssignedAgencyMarksAFollowedUpComplaintComplete() {
            fixture.given(inProcess()).when(new MarkComplete(ID, DPUPR, at(10)))
                    .expectEvents(new ComplaintMarkedCompleteEvent(ID, DPUPR, at(10)))
                    .expectResultMessagePayload(ComplaintStatus.AWAITING_REPORTER);
        }

        @Test
        void noCompletionWithoutAFollowUp() {
            refused(fixture.given(submitted(), verified(), assignedTo(DPUPR)).when(new MarkComplete(ID, DPUPR, at(10))));
        }

        @Test
        void noCompletionByAnotherAgency() {
            notTheirs(fixture.given(inProcess()).when(new MarkComplete(ID, DINKES, at(10))));
        }

        @Test
        void aSatisfiedReporterCompletesIt() {
            fixture.given(awaitingReporter()).when(new AnswerAsReporter(ID, true, "Terima kasih.", at(10), SECRET_HASH))
                    .expectEvents(new ComplaintCompletedEvent(ID, ComplaintCompleted.Reason.REPORTER_SATISFIED,
                            "Terima kasih.", at(10)))
                    .expectResultMessagePayload(ComplaintStatus.COMPLETED);
        }

        @Test
        void anUnsatisfiedReporterReopensIt() {
            fixture.given(awaitingReporter()).when(new AnswerAsReporter(ID, false, "Masih berlubang.", at(10), SECRET_HASH))
                    .expectEvents(new ComplaintReopenedEvent(ID, 1, "Masih berlubang.", at(10)))
                    .expectResultMessagePayload(ComplaintStatus.IN_PROCESS);
        }

        @Test
        void aReopenedComplaintNeedsANewFollowUpBeforeCompletion() {
            refused(fixture.given(awaitingReporter()).andGiven(reopened(1)).when(new MarkComplete(ID, DPUPR, at(10))));
        }

        @Test
        void aThirdReopeningIsRefused() {
            refused(fixture.given(awaitingReporter())
                    .andGiven(reopened(1), followedUp(), markedComplete(), reopened(2), followedUp(), markedComplete())
                    .when(new AnswerAsReporter(ID, false, "Tetap belum.", at(10), SECRET_HASH)));
        }

        @Test
        void theReporterCannotAnswerBeforeTheAgencyMarksItComplete() {
            refused(fixture.given(inProcess()).when(new AnswerAsReporter(ID, true, null, at(10), SECRET_HASH)));
        }

        @Test
        void anExpiredReporterWindowCompletesIt() {
            fixture.given(awaitingReporter()).when(new CompleteAutomatically(ID, "clk-1", at(20)))
                    .expectEvents(new ComplaintCompletedEvent(ID, ComplaintCompleted.Reason.REPORTER_WINDOW_EXPIRED, null, at(20)));
        }

        @Test
        void anExpiryOfAnEarlierWindowIsRefused() {
            refused(fixture.given(awaitingReporter()).when(new CompleteAutomatically(ID, "clk-1", at(1))));
        }

        @Test
        void anExpiryAfterTheReporterAnsweredIsRefused() {
            refused(fixture.given(completedHistory()).when(new CompleteAutomatically(ID, "clk-1", at(20))));
        }
    }

    @Nested
    class Rating {

        @Test
        void theReporterRatesACompletedComplaint() {
            fixture.given(completedHistory()).when(new RateComplaint(ID, 4, "Cepat.", at(10), SECRET_HASH))
                    .expectEvents(new ComplaintRatedEvent(ID, 4, "Cepat.", at(10)));
        }

        @Test
        void noRatingBeforeCompletion() {
            refused(fixture.given(awaitingReporter()).when(new RateComplaint(ID, 4, null, at(10), SECRET_HASH)));
        }

        @Test
        void aComplaintIsRatedOnlyOnce() {
            refused(fixture.given(completedHistory()).andGiven(new ComplaintRatedEvent(ID, 5, null, at(7)))
                    .when(new RateComplaint(ID, 4, null, at(10), SECRET_HASH)));
        }
    }

    @Nested
    class Ownership {

        @Test
        void aReporterStepWithoutTheReportersSecretIsRefusedBeforeTheLifecycleIsLookedAt() {
            String wrong = ReporterSecret.hash("geraten");
            fixture.given(submitted(), new ComplaintDeferredEvent(ID, "Di mana?", at(1)))
                    .when(new SupplyInformation(ID, "Nomor 12.", at(10), wrong))
                    .expectException(NotTheReporter.class).expectNoEvents();
            fixture.given(awaitingReporter()).when(new AnswerAsReporter(ID, true, null, at(10), null))
                    .expectException(NotTheReporter.class).expectNoEvents();
            fixture.given(inProcess()).when(new RateComplaint(ID, 4, null, at(10), wrong))
                    .expectException(NotTheReporter.class).expectNoEvents();
        }

        @Test
        void aComplaintStoredBeforeSecretsExistedHasNoOwnerWhoCanProveIt() {
            ComplaintSubmittedEvent old = submitted();
            fixture.given(new ComplaintSubmittedEvent(ID, old.submission(), old.submittedAt(), null, null, null),
                            verified(), assignedTo(DPUPR), followedUp(), markedComplete())
                    .when(new AnswerAsReporter(ID, true, null, at(10), null))
                    .expectException(NotTheReporter.class).expectNoEvents();
        }
    }
}
