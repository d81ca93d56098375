package id.aduan.reporting.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.Channel;
import id.aduan.contracts.Classification;
import id.aduan.contracts.SlaClockStopped.Outcome;
import id.aduan.reference.IndonesianRegions;
import id.aduan.reporting.History;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The read model's promise: however the topics interleave a complaint's events, and whatever they
 * deliver again, its facts, and so every figure, come out the same.
 */
class ComplaintFactsProperties {

    private static final Instant MONDAY = Instant.parse("2025-03-03T02:00:00Z");

    @Property(tries = 300)
    void anyOrderWithAnyRepetitionGivesTheSameFacts(@ForAll("histories") List<AduanEvent> events, @ForAll long seed) {
        ComplaintFacts inOrder = ComplaintReadModel.fold(ComplaintFacts.none("ADU-3F7KQ9M2XD"), events);

        Random random = new Random(seed);
        List<AduanEvent> delivered = new ArrayList<>(events);
        events.stream().filter(event -> random.nextInt(3) == 0).forEach(delivered::add);
        Collections.shuffle(delivered, random);
        ComplaintFacts shuffled = ComplaintFacts.none("ADU-3F7KQ9M2XD");
        for (AduanEvent event : delivered) {
            shuffled = shuffled.with(event);
            // As the live consumer does after every event: any part of a history has a summary.
            ComplaintSummary.of(shuffled, IndonesianRegions.shipped());
        }

        assertThat(shuffled).isEqualTo(inOrder);
        assertThat(ComplaintSummary.of(shuffled, IndonesianRegions.shipped())).isEqualTo(ComplaintSummary.of(inOrder, IndonesianRegions.shipped()));
    }

    /** What a writer does when its write displaced another's document: the union is what all the events give. */
    @Property(tries = 300)
    void mergingTheFactsOfAnyTwoPartsGivesTheFactsOfTheWhole(@ForAll("histories") List<AduanEvent> events, @ForAll long seed) {
        ComplaintFacts whole = ComplaintReadModel.fold(ComplaintFacts.none("ADU-3F7KQ9M2XD"), events);

        Random random = new Random(seed);
        List<AduanEvent> one = new ArrayList<>();
        List<AduanEvent> other = new ArrayList<>();
        for (AduanEvent event : events) {
            int side = random.nextInt(3);
            if (side != 1) {
                one.add(event);
            }
            if (side != 0) {
                other.add(event);
            }
        }
        ComplaintFacts mine = ComplaintReadModel.fold(ComplaintFacts.none("ADU-3F7KQ9M2XD"), one);
        ComplaintFacts theirs = ComplaintReadModel.fold(ComplaintFacts.none("ADU-3F7KQ9M2XD"), other);

        assertThat(mine.merge(theirs)).isEqualTo(whole);
        assertThat(theirs.merge(mine)).isEqualTo(whole);
        assertThat(whole.merge(mine)).isEqualTo(whole);
    }

    @Property(tries = 100)
    void storingAndReadingFactsKeepsThemWhole(@ForAll("histories") List<AduanEvent> events) {
        ComplaintFacts facts = ComplaintReadModel.fold(ComplaintFacts.none("ADU-3F7KQ9M2XD"), events);
        ComplaintSummary summary = ComplaintSummary.of(facts, IndonesianRegions.shipped());

        assertThat(ComplaintDocuments.factsOf("ADU-3F7KQ9M2XD", StoredForm.roundTrip(ComplaintDocuments.toStored(facts, summary))))
                .isEqualTo(facts);
    }

    /** Lives that stop at any step: archived, or routed, forwarded, verified, breached, followed up, completed, rated. */
    @Provide
    Arbitrary<List<AduanEvent>> histories() {
        Arbitrary<Channel> channels = Arbitraries.of(Channel.class);
        Arbitrary<String> regions = Arbitraries.of("32", "32.73", "32.73.01", "73.71.02", "91.03");
        Arbitrary<Integer> steps = Arbitraries.integers().between(0, 8);
        Arbitrary<Boolean> forwarded = Arbitraries.of(true, false);
        Arbitrary<Integer> days = Arbitraries.integers().between(0, 20);
        return Combinators.combine(channels, regions, steps, forwarded, days).as((channel, region, step, forward, used) -> {
            History history = History.submitted("ADU-3F7KQ9M2XD", channel, "INFRA.ROAD", region, MONDAY);
            if (step == 0) {
                return history.archived(MONDAY.plusSeconds(600), 0).events();
            }
            history.routedTo("32.73.DPUPR", MONDAY.plusSeconds(60));
            if (step >= 2) {
                history.verified(Classification.COMPLAINT_NO_SUPERVISORY_WEIGHT, MONDAY.plusSeconds(3600), 0, Outcome.MET);
            }
            if (step >= 3 && forward) {
                history.routedTo("32.DPUPR", MONDAY.plusSeconds(7200));
            }
            if (step >= 4) {
                history.followUpBreached();
            }
            if (step >= 5) {
                history.followedUp(MONDAY.plusSeconds(86_400L * (used + 1)), used, used > 14 ? Outcome.BREACHED : Outcome.MET);
            }
            if (step >= 6) {
                history.completed(MONDAY.plusSeconds(86_400L * (used + 2)), MONDAY.plusSeconds(86_400L * (used + 3)));
            }
            if (step >= 7) {
                history.rated(used % 5 + 1, MONDAY.plusSeconds(86_400L * (used + 4)));
            }
            return history.events();
        });
    }
}
