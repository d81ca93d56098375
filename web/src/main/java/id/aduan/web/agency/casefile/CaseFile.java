package id.aduan.web.agency.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What the agency reads of one complaint: the case file ({@code GET /api/v1/complaints/{id}/case-file}, the whole
 * conversation with the reporter's own words), its clocks ({@code /sla}) and why it came here ({@code /routing}).
 */
public final class CaseFile {

    private CaseFile() {
    }

    /** {@code GET /api/v1/complaints/{id}/case-file}: the complaint, and its clocks as intake knows them. */
    public record Answer(Complaint complaint, List<ClockView> clocks) {

        public Answer {
            clocks = clocks == null ? List.of() : List.copyOf(clocks);
        }
    }

    /** A clock in the case file: less than sla's own view, but there for everyone who may read the case file. */
    public record ClockView(String kind, String agencyCode, Instant dueAt, boolean paused, boolean stopped) {

        Clock asClock(ZoneId zone) {
            String state = stopped ? "STOPPED" : paused ? "PAUSED" : "RUNNING";
            LocalDate lastDay = dueAt == null ? null : dueAt.minusNanos(1).atZone(zone).toLocalDate();
            return new Clock(kind, agencyCode, zone.getId(), null, null, lastDay, dueAt, state, null, null, null);
        }
    }

    public record Complaint(String trackingId, String status, String title, String description, String categoryCode,
            String regionCode, String address, String channel, Instant submittedAt, String classification, boolean anonymous,
            boolean confidential, String assignedAgencyCode, String assignedUnitCode, Map<String, Object> reporter,
            List<Step> timeline) {

        public Complaint {
            timeline = timeline == null ? List.of() : List.copyOf(timeline);
        }

        /** A question to the reporter is open: asked, and not yet answered, lapsed or taken away by a reassignment. */
        public boolean questionOpen() {
            boolean open = false;
            for (Step step : timeline) {
                if ("QUESTION_ASKED".equals(step.step())) {
                    open = true;
                } else if (step.step() != null && step.step().startsWith("QUESTION_")) {
                    open = false;
                }
            }
            return open;
        }
    }

    public record Step(String step, Instant at, String description, String actor, String agencyCode, String text,
            String caseText, List<Attachment> attachments) {

        public Step {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }

    public record Attachment(String id, String name, String mediaType, Long size) {
    }

    /** {@code GET /api/v1/complaints/{id}/sla}. */
    public record Clocks(List<Clock> clocks) {

        public Clocks {
            clocks = clocks == null ? List.of() : List.copyOf(clocks);
        }
    }

    public record Clock(String kind, String agencyCode, String zone, Instant startedAt, Integer workingDays, LocalDate dueDate,
            Instant dueAt, String state, Instant stoppedAt, Integer workingDaysUsed, Integer workingDaysLeft) {
    }

    /** {@code GET /api/v1/complaints/{id}/routing}. */
    public record Routing(List<Decision> decisions) {

        public Routing {
            decisions = decisions == null ? List.of() : List.copyOf(decisions);
        }
    }

    public record Decision(String step, Integer hop, String destination, String agencyCode, String unitCode,
            String previousAgencyCode, String rule, String explanation, String actor, String reason, Instant routedAt) {
    }
}
