package id.aduan.web.citizen.track;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one deadline a reporter waits on now, read from the public tracking answer: the SLA service shows its
 * clocks only to staff (docs/sla.md, "Status of a complaint's clocks"), so the page counts the same working days
 * from the same step with the public {@code GET /api/v1/sla/due-date}, on the holiday calendar in force.
 * A pause (a deferral, an open question) is not subtracted: the date shown is the earliest the term can end.
 *
 * @param kind VERIFICATION, FOLLOW_UP, REPORTER_WINDOW or REPORTER_QUESTION (docs/sla.md's clock kinds)
 * @param agencyCode whose calendar and zone count; null for the national coordinators' (WIB)
 */
record NextDeadline(String kind, Instant start, int workingDays, String agencyCode) {

    /** docs/sla.md's defaults: verification 3 working days, the reporter's windows 10, follow-up by classification. */
    static final int VERIFICATION_DAYS = 3;
    static final int REPORTER_DAYS = 10;
    static final Map<String, Integer> FOLLOW_UP_DAYS = Map.of("ASPIRATION", 5, "INFORMATION_REQUEST", 5,
            "COMPLAINT_NO_SUPERVISORY_WEIGHT", 14, "COMPLAINT_SUPERVISORY_WEIGHT", 60);
    private static final Set<String> QUESTION_CLOSED = Set.of("QUESTION_ANSWERED", "QUESTION_UNANSWERED", "QUESTION_REASSIGNED");

    static Optional<NextDeadline> of(JsonNode tracking) {
        List<JsonNode> steps = new ArrayList<>();
        tracking.path("timeline").forEach(steps::add);
        Optional<JsonNode> question = openQuestion(steps);
        if (question.isPresent()) {
            return Optional.of(new NextDeadline("REPORTER_QUESTION", at(question.get()), REPORTER_DAYS,
                    text(question.get(), "agencyCode")));
        }
        String status = tracking.path("status").asText();
        String agency = text(tracking, "assignedAgencyCode");
        switch (status) {
            case "AWAITING_VERIFICATION":
                return Optional.of(new NextDeadline("VERIFICATION", Instant.parse(tracking.path("submittedAt").asText()),
                        VERIFICATION_DAYS, null));
            case "AWAITING_REPORTER":
                return last(steps, "MARKED_COMPLETE").map(marked -> new NextDeadline("REPORTER_WINDOW", at(marked),
                        REPORTER_DAYS, text(marked, "agencyCode")));
            case "VERIFIED", "IN_PROCESS":
                Integer days = FOLLOW_UP_DAYS.get(tracking.path("classification").asText());
                if (agency == null || days == null) {
                    return Optional.empty();
                }
                // The agency's clock runs from the later of verification and its assignment, or from a reopening.
                Instant start = null;
                for (JsonNode step : steps) {
                    String name = step.path("step").asText();
                    boolean starts = name.equals("VERIFIED") || name.equals("REOPENED")
                            || (name.equals("ASSIGNED") && agency.equals(text(step, "agencyCode")));
                    if (starts && (start == null || at(step).isAfter(start))) {
                        start = at(step);
                    }
                    if (name.equals("FOLLOWED_UP") && agency.equals(text(step, "agencyCode")) && start != null
                            && !at(step).isBefore(start)) {
                        start = null;
                    }
                }
                Instant from = start;
                return Optional.ofNullable(from).map(begin -> new NextDeadline("FOLLOW_UP", begin, days, agency));
            default:
                return Optional.empty();
        }
    }

    /** The agency's last question to the reporter, when no step closed it since. */
    static Optional<JsonNode> openQuestion(List<JsonNode> steps) {
        JsonNode open = null;
        for (JsonNode step : steps) {
            String name = step.path("step").asText();
            if (name.equals("QUESTION_ASKED")) {
                open = step;
            } else if (QUESTION_CLOSED.contains(name)) {
                open = null;
            }
        }
        return Optional.ofNullable(open);
    }

    private static Optional<JsonNode> last(List<JsonNode> steps, String name) {
        JsonNode found = null;
        for (JsonNode step : steps) {
            if (step.path("step").asText().equals(name)) {
                found = step;
            }
        }
        return Optional.ofNullable(found);
    }

    private static Instant at(JsonNode step) {
        return Instant.parse(step.path("at").asText());
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.path(field).asText() : null;
    }
}
