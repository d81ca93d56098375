package id.aduan.routing.subscription.feed;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.contracts.ComplaintRouted.Step;
import id.aduan.contracts.ComplaintFollowedUp;
import id.aduan.contracts.QuestionAsked;
import id.aduan.contracts.QuestionClosed;
import id.aduan.contracts.SlaClockBreached;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockWarning;
import java.util.List;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FeedRecipientsTest {

    private static final Instant AT = Instant.parse("2026-03-02T03:00:00Z");

    @Example
    void aComplaintRoutedOnSubmissionGoesToTheAgencyItWasRoutedTo() {
        assertThat(FeedRecipients.of(step(Step.ROUTED, "32.73.DPUPR", null))).containsExactly("32.73.DPUPR");
    }

    @Example
    void aForwardedComplaintGoesToItsNewHolderAndTellsTheAgencyItLeft() {
        assertThat(FeedRecipients.of(step(Step.FORWARDED, "32.DPUPR", "32.73.DPUPR"))).containsExactly("32.DPUPR", "32.73.DPUPR");
    }

    @Example
    void aComplaintEscalatedToTheCoordinatorsTellsOnlyTheAgencyItLeft() {
        assertThat(FeedRecipients.of(step(Step.ESCALATED, null, "32.73.DPUPR"))).containsExactly("32.73.DPUPR");
    }

    @Example
    void aComplaintInTheCoordinatorsQueueConcernsNoAgency() {
        assertThat(FeedRecipients.of(step(Step.ROUTED, null, null))).isEmpty();
    }

    @Example
    void aCoordinatorConfirmingTheSameAgencyTellsItOnce() {
        assertThat(FeedRecipients.of(step(Step.DISPOSED, "KEMENPU", "KEMENPU"))).containsExactly("KEMENPU");
    }

    @Example
    void anAgencysQuestionToTheReporterGoesToThatAgencyAlone() {
        assertThat(FeedRecipients.of(new QuestionAsked("ADU-0000000001", "32.73.DPUPR", "Lajur kiri atau kanan?", AT)))
                .containsExactly("32.73.DPUPR");
        assertThat(FeedRecipients.of(new QuestionClosed("ADU-0000000001", "32.73.DPUPR", QuestionClosed.Reason.ANSWERED, AT)))
                .containsExactly("32.73.DPUPR");
    }

    @Example
    void theWarningAndTheBreachOfAnAgencysFollowUpClockGoToThatAgencyAlone() {
        assertThat(FeedRecipients.of(new SlaClockWarning("ADU-0000000001", "c1", ClockKind.FOLLOW_UP, "32.73.DPUPR", AT, AT)))
                .containsExactly("32.73.DPUPR");
        assertThat(FeedRecipients.of(new SlaClockBreached("ADU-0000000001", "c1", ClockKind.FOLLOW_UP, "32.73.DPUPR", AT)))
                .containsExactly("32.73.DPUPR");
    }

    /** The coordinators' verification, the citizen's term (no agency named) and the reporter's clocks bind no agency. */
    @Example
    void noOtherClocksWarningOrBreachIsInAnAgencysFeed() {
        assertThat(FeedRecipients.of(new SlaClockBreached("ADU-0000000001", "c1", ClockKind.VERIFICATION, null, AT))).isEmpty();
        assertThat(FeedRecipients.of(new SlaClockBreached("ADU-0000000001", "c2", ClockKind.END_TO_END, null, AT))).isEmpty();
        assertThat(FeedRecipients.of(new SlaClockWarning("ADU-0000000001", "c3", ClockKind.REPORTER_WINDOW, "32.73.DPUPR", AT, AT)))
                .isEmpty();
        assertThat(FeedRecipients.of(new SlaClockWarning("ADU-0000000001", "c4", ClockKind.REPORTER_QUESTION, "32.73.DPUPR", AT, AT)))
                .isEmpty();
    }

    @Example
    void theRestOfTheLifecycleIsInNoFeed() {
        assertThat(FeedRecipients.of(new ComplaintFollowedUp("ADU-0000000001", "32.73.DPUPR", "Sudah.", List.of(), AT))).isEmpty();
    }

    /** No wrong door, and no leak: only the agencies the step names, and the one it now lies with first. */
    @Property
    void onlyTheNewHolderAndThePreviousHolderEverHearOfAStep(@ForAll("steps") ComplaintRouted step) {
        var recipients = FeedRecipients.of(step);
        assertThat(recipients).doesNotHaveDuplicates()
                .allSatisfy(agency -> assertThat(agency).isIn(step.agencyCode(), step.previousAgencyCode()));
        if (step.agencyCode() != null) {
            assertThat(recipients).first().isEqualTo(step.agencyCode());
        }
        if (step.previousAgencyCode() != null) {
            assertThat(recipients).contains(step.previousAgencyCode());
        }
    }

    @Provide
    Arbitrary<ComplaintRouted> steps() {
        Arbitrary<String> agencies = Arbitraries.of("32.73.DPUPR", "32.DPUPR", "KEMENPU", "32.73.DUKCAPIL");
        return Combinators.combine(Arbitraries.of(Step.values()), agencies.injectNull(0.3), agencies.injectNull(0.4))
                .filter((kind, to, from) -> kind != Step.ROUTED || from == null)
                .as((kind, to, from) -> step(kind, kind == Step.ESCALATED ? null : to, from));
    }

    private static ComplaintRouted step(Step kind, String to, String from) {
        boolean byPerson = kind != Step.ROUTED;
        return new ComplaintRouted("ADU-0000000001", to == null ? Destination.COORDINATORS_QUEUE : Destination.AGENCY, to,
                "rule", "why", AT, kind, byPerson ? 1 : 0, from, byPerson ? "someone" : null, byPerson ? "because" : null, "v1");
    }
}
