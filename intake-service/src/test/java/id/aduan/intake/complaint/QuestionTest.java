package id.aduan.intake.complaint;

import static id.aduan.intake.complaint.LifecycleFixtures.DINKES;
import static id.aduan.intake.complaint.LifecycleFixtures.DPUPR;
import static id.aduan.intake.complaint.LifecycleFixtures.ID;
import static id.aduan.intake.complaint.LifecycleFixtures.SECRET_HASH;
import static id.aduan.intake.complaint.LifecycleFixtures.assignedTo;
import static id.aduan.intake.complaint.LifecycleFixtures.at;
import static id.aduan.intake.complaint.LifecycleFixtures.awaitingReporter;
import static id.aduan.intake.complaint.LifecycleFixtures.inProcess;
import static id.aduan.intake.complaint.LifecycleFixtures.submitted;
import static id.aduan.intake.complaint.LifecycleFixtures.verified;

import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.contracts.QuestionClosed.Reason;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agency holding a complaint asks the reporter a question during follow-up; the reporter answers, or lets it run out. */
class QuestionTest {

    private static final String ROADS = DPUPR + "/UPT-JALAN";
    private static final String QUESTION = "Lubangnya di lajur kiri atau kanan?";

    private FixtureConfiguration<Complaint> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Complaint.class);
    }

    private static QuestionAskedEvent asked() {
        return new QuestionAskedEvent(ID, DPUPR, QUESTION, at(5));
    }

    private static AnswerQuestion answer(String secretHash) {
        return new AnswerQuestion(ID, "Lajur kiri, dekat halte.", at(10), secretHash);
    }

    @Test
    void theAssignedAgencyAsksTheReporterBeforeItsFirstFollowUp() {
        fixture.given(submitted(), verified(), assignedTo(DPUPR))
                .when(new AskReporter(ID, DPUPR, null, QUESTION, at(5)))
                .expectEvents(asked())
                .expectResultMessagePayload(ComplaintStatus.VERIFIED);
    }

    @Test
    void theLiaisonOfficerOfTheUnitItWasHandedToMayAskToo() {
        fixture.given(submitted(), verified(), assignedTo(DPUPR), new ComplaintAssignedToUnitEvent(ID, DPUPR, ROADS, at(3)))
                .when(new AskReporter(ID, DPUPR, ROADS, QUESTION, at(5)))
                .expectEvents(asked());
    }

    @Test
    void anotherAgencyOrUnitCannotAskAndLearnsNothing() {
        fixture.given(inProcess()).when(new AskReporter(ID, DINKES, null, QUESTION, at(5)))
                .expectException(NotTheAssignedAgency.class).expectNoEvents();
        fixture.given(inProcess()).when(new AskReporter(ID, DPUPR, ROADS, QUESTION, at(5)))
                .expectException(NotTheAssignedAgency.class).expectNoEvents();
        // Checked before the lifecycle: before verification, another agency is told no more than that.
        fixture.given(submitted(), assignedTo(DPUPR)).when(new AskReporter(ID, DINKES, null, QUESTION, at(5)))
                .expectException(NotTheAssignedAgency.class).expectNoEvents();
    }

    @Test
    void onlyDuringFollowUpAndOneQuestionAtATime() {
        fixture.given(submitted(), assignedTo(DPUPR)).when(new AskReporter(ID, DPUPR, null, QUESTION, at(5)))
                .expectException(ComplaintLifecycleConflict.class).expectNoEvents();
        fixture.given(awaitingReporter()).when(new AskReporter(ID, DPUPR, null, QUESTION, at(5)))
                .expectException(ComplaintLifecycleConflict.class).expectNoEvents();
        fixture.given(inProcess()).andGiven(asked()).when(new AskReporter(ID, DPUPR, null, "Dan ukurannya?", at(6)))
                .expectException(ComplaintLifecycleConflict.class).expectNoEvents();
    }

    @Test
    void theReporterAnswersWithTheirSecretAndTheAnswerStaysWithTheComplaint() {
        fixture.given(inProcess()).andGiven(asked())
                .when(answer(SECRET_HASH))
                .expectEvents(new QuestionClosedEvent(ID, DPUPR, Reason.ANSWERED, "Lajur kiri, dekat halte.", at(10)))
                .expectResultMessagePayload(ComplaintStatus.IN_PROCESS);
    }

    @Test
    void anAnswerWithoutTheReportersSecretIsRefusedBeforeAnythingElse() {
        fixture.given(inProcess()).andGiven(asked()).when(answer(ReporterSecret.hash("geraten")))
                .expectException(NotTheReporter.class).expectNoEvents();
        fixture.given(inProcess()).when(answer(null))
                .expectException(NotTheReporter.class).expectNoEvents();
    }

    @Test
    void anAnswerWithoutAQuestionIsRefused() {
        fixture.given(inProcess()).when(answer(SECRET_HASH))
                .expectException(ComplaintLifecycleConflict.class).expectNoEvents();
        fixture.given(inProcess()).andGiven(asked(), new QuestionClosedEvent(ID, DPUPR, Reason.ANSWERED, "Kiri.", at(8)))
                .when(answer(SECRET_HASH))
                .expectException(ComplaintLifecycleConflict.class).expectNoEvents();
    }

    @Test
    void whileTheQuestionIsOpenTheAgencyMayFollowUpButNotMarkItComplete() {
        fixture.given(inProcess()).andGiven(asked()).when(new MarkComplete(ID, DPUPR, at(10)))
                .expectException(ComplaintLifecycleConflict.class).expectNoEvents();
        fixture.given(inProcess()).andGiven(asked())
                .when(new RecordFollowUp(ID, DPUPR, "Tim sedang mengecek lokasi.", List.of(), at(10)))
                .expectEvents(new ComplaintFollowedUpEvent(ID, DPUPR, "Tim sedang mengecek lokasi.", List.of(), at(10)));
        fixture.given(inProcess()).andGiven(asked(), new QuestionClosedEvent(ID, DPUPR, Reason.ANSWERED, "Kiri.", at(8)))
                .when(new MarkComplete(ID, DPUPR, at(10)))
                .expectEvents(new ComplaintMarkedCompleteEvent(ID, DPUPR, at(10)));
    }

    @Test
    void anExpiryOfTheOpenQuestionClosesItUnanswered() {
        fixture.given(inProcess()).andGiven(asked())
                .when(new CloseUnansweredQuestion(ID, "clk-q", at(5), at(900)))
                .expectEvents(new QuestionClosedEvent(ID, DPUPR, Reason.UNANSWERED, null, at(900)));
    }

    @Test
    void anExpiryOfAnEarlierQuestionIsRefused() {
        // The first question was answered; the expiry that raced with the answer must not close the second.
        fixture.given(inProcess()).andGiven(asked(), new QuestionClosedEvent(ID, DPUPR, Reason.ANSWERED, "Kiri.", at(8)),
                        new QuestionAskedEvent(ID, DPUPR, "Dan ukurannya?", at(9)))
                .when(new CloseUnansweredQuestion(ID, "clk-q", at(5), at(900)))
                .expectException(ComplaintLifecycleConflict.class).expectNoEvents();
        fixture.given(inProcess()).when(new CloseUnansweredQuestion(ID, "clk-q", at(5), at(900)))
                .expectException(ComplaintLifecycleConflict.class).expectNoEvents();
    }

    @Test
    void anAssignmentElsewhereClosesTheQuestionFirst() {
        fixture.given(inProcess()).andGiven(asked())
                .when(new RecordAssignment(ID, Destination.AGENCY, DINKES, at(20), "Rule explained.", null, null, null))
                .expectEvents(new QuestionClosedEvent(ID, DPUPR, Reason.REASSIGNED, null, at(20)),
                        new ComplaintAssignedEvent(ID, Destination.AGENCY, DINKES, at(20), "Rule explained.", null, null));
        fixture.given(inProcess()).andGiven(asked())
                .when(new RecordAssignment(ID, Destination.COORDINATORS_QUEUE, null, at(20), "Rule explained.", null, null, null))
                .expectEvents(new QuestionClosedEvent(ID, DPUPR, Reason.REASSIGNED, null, at(20)),
                        new ComplaintAssignedEvent(ID, Destination.COORDINATORS_QUEUE, null, at(20), "Rule explained.", null, null));
    }
}
