package id.aduan.sla.clock;

import id.aduan.contracts.Classification;
import id.aduan.contracts.ComplaintArchived;
import id.aduan.contracts.ComplaintAssigned;
import id.aduan.contracts.ComplaintCompleted;
import id.aduan.contracts.ComplaintDeferred;
import id.aduan.contracts.ComplaintEvent;
import id.aduan.contracts.ComplaintFollowedUp;
import id.aduan.contracts.ComplaintMarkedComplete;
import id.aduan.contracts.ComplaintReopened;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.ComplaintVerified;
import id.aduan.contracts.InformationSupplied;
import id.aduan.contracts.QuestionAsked;
import id.aduan.contracts.QuestionClosed;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.platform.events.EventIds;
import id.aduan.sla.calendar.Calendars;
import id.aduan.sla.calendar.Deadline;
import id.aduan.sla.calendar.GovernmentCalendar;
import id.aduan.sla.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which clocks a complaint's lifecycle events start and stop (docs/sla.md, "Clocks"). Everything
 * follows from the events alone, their ids and their own times, so applying the same events again,
 * in a fresh database or after a crash, gives the same clocks with the same ids.
 */
public final class ClockRules {

    private final Calendars calendars;
    private final SlaSettings settings;
    private final Map<Classification, Integer> followUpDays;

    public ClockRules(Calendars calendars, SlaSettings settings) {
        this.calendars = calendars;
        this.settings = settings;
        this.followUpDays = new EnumMap<>(Classification.class);
        for (Classification classification : Classification.values()) {
            Integer days = settings.followUpWorkingDays() == null ? null : settings.followUpWorkingDays().get(classification);
            if (days == null || days < 1) {
                throw new IllegalArgumentException("aduan.sla.follow-up-working-days needs a positive " + classification);
            }
            followUpDays.put(classification, days);
        }
    }

    /** What one event started, stopped, paused and resumed; {@code next} is the complaint's state after it. */
    public record Change(ComplaintClocks next, List<SlaClock> started, List<SlaClock> stopped, List<SlaClock> paused,
            List<SlaClock> resumed) {

        public boolean changesNothing(ComplaintClocks before) {
            return started.isEmpty() && stopped.isEmpty() && paused.isEmpty() && resumed.isEmpty() && next.equals(before);
        }
    }

    public Change apply(ComplaintClocks state, String eventId, ComplaintEvent event) {
        Step step = new Step(state);
        if (event instanceof ComplaintSubmitted submitted) {
            // From when the citizen complained: a WhatsApp message typed in two weeks late has waited two weeks.
            step.start(eventId, ClockKind.VERIFICATION, null, settings.coordinatorsZone(), submitted.receivedAt(),
                    settings.verificationWorkingDays());
        } else if (event instanceof ComplaintVerified verified) {
            step.stop(ClockKind.VERIFICATION, verified.verifiedAt());
            step.facts = new ComplaintClocks(state.complaintId(), verified.classification(), verified.verifiedAt(),
                    state.agencyCode(), state.assignedAt(), List.of());
            step.startFollowUpOnceDisposed(eventId);
        } else if (event instanceof ComplaintArchived archived) {
            step.stopAll(archived.archivedAt());
        } else if (event instanceof ComplaintDeferred deferred) {
            step.pause(ClockKind.VERIFICATION, deferred.deferredAt());
        } else if (event instanceof InformationSupplied supplied) {
            step.resume(ClockKind.VERIFICATION, supplied.suppliedAt());
        } else if (event instanceof ComplaintAssigned assigned && !Objects.equals(assigned.agencyCode(), state.agencyCode())) {
            // A forward: the old agency no longer has to act, the new one starts afresh.
            step.stop(ClockKind.FOLLOW_UP, assigned.assignedAt());
            step.facts = new ComplaintClocks(state.complaintId(), state.classification(), state.verifiedAt(),
                    assigned.agencyCode(), assigned.agencyCode() == null ? null : assigned.assignedAt(), List.of());
            step.startFollowUpOnceDisposed(eventId);
        } else if (event instanceof ComplaintFollowedUp followedUp) {
            state.running(ClockKind.FOLLOW_UP)
                    .filter(clock -> clock.agencyCode().equals(followedUp.agencyCode()))
                    .ifPresent(clock -> step.stop(clock, followedUp.followedUpAt()));
            // The citizen's term ends with the first follow-up by whichever agency holds the complaint then.
            if (followedUp.agencyCode().equals(state.agencyCode())) {
                step.stop(ClockKind.END_TO_END, followedUp.followedUpAt());
            }
        } else if (event instanceof QuestionAsked asked) {
            // The agency waits for the reporter, and so does the citizen's term: neither counts the wait.
            step.pause(ClockKind.FOLLOW_UP, asked.askedAt());
            step.pause(ClockKind.END_TO_END, asked.askedAt());
            step.start(eventId, ClockKind.REPORTER_QUESTION, asked.agencyCode(), calendar().zoneOf(asked.agencyCode()),
                    asked.askedAt(), settings.reporterQuestionWorkingDays());
        } else if (event instanceof QuestionClosed closed) {
            step.stop(ClockKind.REPORTER_QUESTION, closed.closedAt());
            step.resume(ClockKind.FOLLOW_UP, closed.closedAt());
            step.resume(ClockKind.END_TO_END, closed.closedAt());
        } else if (event instanceof ComplaintMarkedComplete marked) {
            step.start(eventId, ClockKind.REPORTER_WINDOW, marked.agencyCode(), calendar().zoneOf(marked.agencyCode()),
                    marked.markedAt(), settings.reporterWindowWorkingDays());
        } else if (event instanceof ComplaintReopened reopened) {
            // The reporter was not satisfied: the assigned agency has to act again, for a whole new term.
            step.stop(ClockKind.REPORTER_WINDOW, reopened.reopenedAt());
            step.startFollowUp(eventId, reopened.reopenedAt());
        } else if (event instanceof ComplaintCompleted completed) {
            step.stopAll(completed.completedAt());
        }
        return step.change();
    }

    public int followUpWorkingDays(Classification classification) {
        return followUpDays.get(classification);
    }

    /** Working days used and left at {@code now}: for a stopped clock, as they were when it stopped. */
    public record Progress(int used, int left) {
    }

    public Progress progress(SlaClock clock, Instant now) {
        int used = clock.running() ? workingDaysUsed(clock, now) : clock.workingDaysUsed();
        return new Progress(used, Math.max(0, clock.workingDays() - used));
    }

    /**
     * The calendar as it was when the clock started: the assigned agency counts on its own (with or
     * without cuti bersama); the coordinators, the reporter and the citizen's term on the general one.
     */
    private WorkingCalendar calendarOf(ClockKind kind, String agencyCode, Instant startedAt) {
        return kind == ClockKind.FOLLOW_UP
                ? calendars.asOf(startedAt).forAgency(agencyCode)
                : calendars.asOf(startedAt).forCoordinators();
    }

    private WorkingCalendar calendarOf(SlaClock clock) {
        return calendarOf(clock.kind(), clock.agencyCode(), clock.startedAt());
    }

    /** Province time zones never change with the calendar. */
    private GovernmentCalendar calendar() {
        return calendars.current();
    }

    /** The days spent paused do not count: a paused clock has used what it had used when it paused. */
    private int workingDaysUsed(SlaClock clock, Instant at) {
        Instant countedTo = clock.paused() ? clock.pausedAt() : at;
        return calendarOf(clock)
                .workingDaysBetween(localDate(clock, clock.startedAt()), localDate(clock, countedTo)) - clock.pausedWorkingDays();
    }

    /**
     * Resumes a paused clock at {@code at}: the working days after the pause's local date up to and
     * including the resume's move its due date and its warning that many working days later.
     */
    private SlaClock afterResume(SlaClock clock, Instant at) {
        WorkingCalendar days = calendarOf(clock);
        int paused = days.workingDaysBetween(localDate(clock, clock.pausedAt()), localDate(clock, at));
        LocalDate dueDate = days.addWorkingDays(clock.dueDate(), paused);
        // warnAt is the end of its day, so its day is the local date just before it.
        Instant warnAt = clock.warnAt() == null ? null
                : WorkingCalendar.endOf(days.addWorkingDays(localDate(clock, clock.warnAt()).minusDays(1), paused), clock.zone());
        return clock.resume(paused, dueDate, WorkingCalendar.endOf(dueDate, clock.zone()), warnAt);
    }

    private static LocalDate localDate(SlaClock clock, Instant at) {
        return at.atZone(clock.zone()).toLocalDate();
    }

    /** The clocks one event changes, collected while the rules run. */
    private final class Step {

        private ComplaintClocks facts;
        private final List<SlaClock> clocks;
        private final List<SlaClock> started = new ArrayList<>();
        private final List<SlaClock> stopped = new ArrayList<>();
        private final List<SlaClock> paused = new ArrayList<>();
        private final List<SlaClock> resumed = new ArrayList<>();

        Step(ComplaintClocks state) {
            this.facts = state;
            this.clocks = new ArrayList<>(state.clocks());
        }

        /**
         * Disposition: verified and assigned to an agency, counted from the later of the two. The first
         * disposition also starts the citizen's end-to-end term, which a forward does not restart.
         */
        void startFollowUpOnceDisposed(String eventId) {
            if (facts.verifiedAt() != null && facts.agencyCode() != null) {
                Instant disposedAt = facts.verifiedAt().isAfter(facts.assignedAt()) ? facts.verifiedAt() : facts.assignedAt();
                startFollowUp(eventId, disposedAt);
                if (clocks.stream().noneMatch(clock -> clock.kind() == ClockKind.END_TO_END)) {
                    start(eventId, ClockKind.END_TO_END, null, calendar().zoneOf(facts.agencyCode()), disposedAt,
                            followUpWorkingDays(facts.classification()));
                }
            }
        }

        /** A follow-up clock for the assigned agency, as long as the complaint has one and is classified. */
        void startFollowUp(String eventId, Instant at) {
            if (facts.classification() != null && facts.agencyCode() != null) {
                start(eventId, ClockKind.FOLLOW_UP, facts.agencyCode(), calendar().zoneOf(facts.agencyCode()), at,
                        followUpWorkingDays(facts.classification()));
            }
        }

        void start(String eventId, ClockKind kind, String agencyCode, ZoneId zone, Instant at, int workingDays) {
            if (clocks.stream().anyMatch(clock -> clock.kind() == kind && clock.running())) {
                return; // one running clock per kind
            }
            WorkingCalendar days = calendarOf(kind, agencyCode, at);
            Deadline deadline = days.deadline(at, workingDays, zone);
            int warningDays = settings.warningWorkingDays(kind);
            Instant warnAt = warningDays >= 1 && workingDays - warningDays >= 1
                    ? days.deadline(at, workingDays - warningDays, zone).dueAt() : null;
            SlaClock clock = new SlaClock(EventIds.derived(eventId, kind.name().toLowerCase().replace('_', '-') + "-clock"),
                    facts.complaintId(), kind, agencyCode, zone, at, workingDays, deadline.dueDate(), deadline.dueAt(),
                    warnAt, null, 0, null, null, null);
            clocks.add(clock);
            started.add(clock);
        }

        void pause(ClockKind kind, Instant at) {
            clocks.stream().filter(clock -> clock.kind() == kind && clock.running() && !clock.paused()).findFirst()
                    .ifPresent(clock -> replace(clock, clock.pause(at), paused));
        }

        void resume(ClockKind kind, Instant at) {
            clocks.stream().filter(clock -> clock.kind() == kind && clock.paused()).findFirst()
                    .ifPresent(clock -> replace(clock, afterResume(clock, at), resumed));
        }

        void stop(ClockKind kind, Instant at) {
            clocks.stream().filter(clock -> clock.kind() == kind && clock.running()).findFirst()
                    .ifPresent(clock -> stop(clock, at));
        }

        void stopAll(Instant at) {
            clocks.stream().filter(SlaClock::running).toList().forEach(clock -> stop(clock, at));
        }

        /** A clock stopped while paused (archived without an answer) is resumed first: the wait never counts against it. */
        void stop(SlaClock clock, Instant at) {
            SlaClock counting = clock.paused() ? afterResume(clock, at) : clock;
            replace(clock, counting.stop(at, workingDaysUsed(counting, at)), stopped);
        }

        private void replace(SlaClock clock, SlaClock next, List<SlaClock> changes) {
            clocks.set(clocks.indexOf(clock), next);
            changes.add(next);
        }

        Change change() {
            return new Change(new ComplaintClocks(facts.complaintId(), facts.classification(), facts.verifiedAt(),
                    facts.agencyCode(), facts.assignedAt(), clocks), List.copyOf(started), List.copyOf(stopped),
                    List.copyOf(paused), List.copyOf(resumed));
        }
    }
}
