package id.aduan.web.citizen.track;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of the reporter's steps the complaint's state allows now (docs/lifecycle.md), so the page offers only
 * those: a question to answer while an agency's question is open, information while deferred, accepting or
 * rejecting the handling while it waits for the reporter, a rating once completed and not rated yet.
 */
public record ReporterCan(boolean answerQuestion, boolean supplyInformation, boolean reply, boolean rate, String question,
        String deferralQuestion) {

    static ReporterCan of(JsonNode complaint, boolean hasSecret) {
        List<JsonNode> steps = new ArrayList<>();
        complaint.path("timeline").forEach(steps::add);
        String status = complaint.path("status").asText();
        var question = NextDeadline.openQuestion(steps);
        boolean rated = steps.stream().anyMatch(step -> step.path("step").asText().equals("RATED"));
        String deferral = null;
        for (JsonNode step : steps) {
            if (step.path("step").asText().equals("DEFERRED")) {
                deferral = step.path("text").asText(null);
            }
        }
        return new ReporterCan(hasSecret && question.isPresent(), hasSecret && status.equals("DEFERRED"),
                hasSecret && status.equals("AWAITING_REPORTER"), hasSecret && status.equals("COMPLETED") && !rated,
                question.map(step -> step.path("text").asText(null)).orElse(null), deferral);
    }

    public boolean any() {
        return answerQuestion || supplyInformation || reply || rate;
    }
}
