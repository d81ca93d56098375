package id.aduan.intake.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.Channel;
import id.aduan.contracts.Classification;
import id.aduan.contracts.ComplaintArchived;
import id.aduan.contracts.ComplaintCompleted;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.Location;
import id.aduan.contracts.SlaClockPaused;
import id.aduan.contracts.SlaClockResumed;
import id.aduan.contracts.SlaClockStarted;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.contracts.SlaClockStopped;
import id.aduan.intake.complaint.ComplaintArchivedEvent;
import id.aduan.intake.complaint.ComplaintAssignedEvent;
import id.aduan.intake.complaint.ComplaintAssignedToUnitEvent;
import id.aduan.intake.complaint.ComplaintCompletedEvent;
import id.aduan.intake.complaint.ComplaintCorrectedEvent;
import id.aduan.intake.complaint.ComplaintDeferredEvent;
import id.aduan.intake.complaint.ComplaintFollowedUpEvent;
import id.aduan.intake.complaint.ComplaintMarkedCompleteEvent;
import id.aduan.intake.complaint.ComplaintRatedEvent;
import id.aduan.intake.complaint.ComplaintReopenedEvent;
import id.aduan.intake.complaint.ComplaintSubmittedEvent;
import id.aduan.intake.complaint.ComplaintVerifiedEvent;
import id.aduan.intake.complaint.InformationSuppliedEvent;
import id.aduan.intake.complaint.Submission;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Intake's events and sla's clock events reach the inbox on different threads, and an event may come
 * again (a redelivery, a replay): whatever the order, with repeats, the inbox lists the same rows.
 */
class InboxProperties {

    private static final Instant START = Instant.parse("2026-02-09T01:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T03:00:00Z");
    private static final List<String> AGENCIES = List.of("32.73.DPUPR", "32.73.DINKES", "KEMENKES");

    /** An event as it reaches the inbox: intake's with its complaint and sequence number, sla's as published. */
    record Arrival(String complaintId, long sequence, Object event) {
    }

    record Delivery(List<Arrival> inOrder, List<Arrival> asDelivered) {
    }

    @Property(tries = 300)
    void anyOrderOfTheSameEventsWithRepeatsListsTheSameRows(@ForAll("deliveries") Delivery delivery) {
        assertThat(rows(delivery.asDelivered())).isEqualTo(rows(delivery.inOrder()));
    }

    /** What InboxProjection and InboxClocks do, without the table: fold each event into its complaint's state. */
    private static List<InboxRow> rows(List<Arrival> arrivals) {
        Map<String, InboxEntry> entries = new HashMap<>();
        Map<String, ClockSet> clocks = new HashMap<>();
        for (Arrival arrival : arrivals) {
            if (arrival.event() instanceof AduanEvent clockEvent) {
                clocks.merge(arrival.complaintId(), ClockSet.NONE.apply(clockEvent), (known, ignored) -> known.apply(clockEvent));
            } else {
                entries.merge(arrival.complaintId(), InboxEntry.EMPTY.apply(arrival.sequence(), arrival.event()),
                        (known, ignored) -> known.apply(arrival.sequence(), arrival.event()));
            }
        }
        Map<String, InboxRow> rows = new TreeMap<>();
        entries.forEach((id, entry) -> InboxRow.of(id, entry, clocks.getOrDefault(id, ClockSet.NONE), NOW)
                .ifPresent(row -> rows.put(id, row)));
        return List.copyOf(rows.values());
    }

    @Provide
    Arbitrary<Delivery> deliveries() {
        Arbitrary<List<Arrival>> histories = Combinators.combine(complaint("ADU-0000000001"), complaint("ADU-0000000002"))
                .as((first, second) -> {
                    List<Arrival> all = new ArrayList<>(first);
                    all.addAll(second);
                    return all;
                });
        return histories.flatMap(history -> Arbitraries.integers().between(0, history.size() - 1).list().ofMaxSize(history.size())
                .flatMap(repeats -> {
                    List<Arrival> delivered = new ArrayList<>(history);
                    repeats.forEach(index -> delivered.add(history.get(index)));
                    return Arbitraries.shuffle(delivered).map(order -> new Delivery(history, order));
                }));
    }

    /** A complaint's history: its own events after its submission, and its clocks' events. */
    private Arbitrary<List<Arrival>> complaint(String id) {
        Arbitrary<List<BiFunction<String, Instant, Object>>> steps = Arbitraries.of(steps()).list().ofMaxSize(8);
        Arbitrary<List<ClockPlan>> plans = clockPlan().list().ofMaxSize(3);
        return Combinators.combine(steps, plans, Arbitraries.integers().between(0, 1)).as((chosen, clockPlans, secret) -> {
            List<Arrival> history = new ArrayList<>();
            history.add(new Arrival(id, 0, submitted(id, secret == 1)));
            for (int i = 0; i < chosen.size(); i++) {
                history.add(new Arrival(id, i + 1, chosen.get(i).apply(id, START.plus(Duration.ofHours(i + 1)))));
            }
            for (int clock = 0; clock < clockPlans.size(); clock++) {
                history.addAll(clockPlans.get(clock).events(id, "clk-" + id + "-" + clock));
            }
            return history;
        });
    }

    private static List<BiFunction<String, Instant, Object>> steps() {
        return List.of(
                (id, at) -> new ComplaintDeferredEvent(id, "Di mana tepatnya?", at),
                (id, at) -> new InformationSuppliedEvent(id, "Di depan pasar.", at),
                (id, at) -> new ComplaintArchivedEvent(id, ComplaintArchived.Reason.DUPLICATE, null, at),
                (id, at) -> new ComplaintVerifiedEvent(id, Classification.COMPLAINT_NO_SUPERVISORY_WEIGHT, "INFRA.ROAD.LOCAL",
                        false, true, at, "32.73.01", "koordinator-1"),
                (id, at) -> new ComplaintVerifiedEvent(id, Classification.ASPIRATION, "HEALTH", true, false, at, null, null),
                (id, at) -> new ComplaintCorrectedEvent(id, "INFRA.ROAD", "HEALTH", "32.73", "32.71.02", "koordinator-1", at),
                (id, at) -> new ComplaintAssignedEvent(id, ComplaintRouted.Destination.AGENCY, AGENCIES.get(0), at, null, null,
                        null),
                (id, at) -> new ComplaintAssignedEvent(id, ComplaintRouted.Destination.AGENCY, AGENCIES.get(1), at, null, null,
                        null),
                (id, at) -> new ComplaintAssignedEvent(id, ComplaintRouted.Destination.COORDINATORS_QUEUE, null, at, null, null,
                        null),
                (id, at) -> new ComplaintAssignedToUnitEvent(id, AGENCIES.get(0), AGENCIES.get(0) + "/UPT-JALAN", at),
                (id, at) -> new ComplaintFollowedUpEvent(id, AGENCIES.get(0), "Dijadwalkan.", List.of(), at),
                (id, at) -> new ComplaintMarkedCompleteEvent(id, AGENCIES.get(0), at),
                (id, at) -> new ComplaintReopenedEvent(id, 1, "Belum selesai.", at),
                (id, at) -> new ComplaintCompletedEvent(id, ComplaintCompleted.Reason.REPORTER_SATISFIED, null, at),
                (id, at) -> new ComplaintRatedEvent(id, 4, "Cepat.", at));
    }

    private static ComplaintSubmittedEvent submitted(String id, boolean confidential) {
        Submission submission = new Submission(Channel.SMS, "Jalan berlubang", "Lubang besar di Jl. Soekarno-Hatta.",
                "INFRA.ROAD", Location.of("32.73"), null, START.minus(Duration.ofDays(14)), false, confidential, List.of());
        return new ComplaintSubmittedEvent(id, submission, START, null, null, null);
    }

    /** A clock's life: started, paused and resumed some times, perhaps stopped; each step a day later. */
    record ClockPlan(ClockKind kind, int pauses, boolean stopped) {

        List<Arrival> events(String complaintId, String clockId) {
            List<Arrival> events = new ArrayList<>();
            Instant at = START;
            Instant due = START.plus(Duration.ofDays(5));
            events.add(clock(complaintId, new SlaClockStarted(complaintId, clockId, kind, "32.73.DPUPR", "Asia/Jakarta", at, 3,
                    LocalDate.ofInstant(due, ZoneOffset.UTC), due)));
            for (int pause = 0; pause < pauses; pause++) {
                at = at.plus(Duration.ofDays(1));
                events.add(clock(complaintId, new SlaClockPaused(complaintId, clockId, kind, "32.73.DPUPR", at)));
                at = at.plus(Duration.ofDays(1));
                due = due.plus(Duration.ofDays(1));
                events.add(clock(complaintId, new SlaClockResumed(complaintId, clockId, kind, "32.73.DPUPR", at, 1,
                        LocalDate.ofInstant(due, ZoneOffset.UTC), due)));
            }
            if (stopped) {
                events.add(clock(complaintId, new SlaClockStopped(complaintId, clockId, kind, "32.73.DPUPR",
                        at.plus(Duration.ofDays(1)), SlaClockStopped.Outcome.MET, 2)));
            }
            return events;
        }

        private static Arrival clock(String complaintId, AduanEvent event) {
            return new Arrival(complaintId, -1, event);
        }
    }

    private static Arbitrary<ClockPlan> clockPlan() {
        return Combinators.combine(Arbitraries.of(ClockKind.class), Arbitraries.integers().between(0, 2), Arbitraries.of(true, false))
                .as(ClockPlan::new);
    }
}
