package id.aduan.intake.imports;

import id.aduan.contracts.Channel;
import id.aduan.contracts.Classification;
import id.aduan.contracts.Codes;
import id.aduan.contracts.ComplaintCompleted;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.intake.complaint.ComplaintAssignedEvent;
import id.aduan.intake.complaint.ComplaintCompletedEvent;
import id.aduan.intake.complaint.ComplaintFollowedUpEvent;
import id.aduan.intake.complaint.ComplaintMarkedCompleteEvent;
import id.aduan.intake.complaint.ComplaintSubmittedEvent;
import id.aduan.intake.complaint.ComplaintVerifiedEvent;
import id.aduan.intake.complaint.Submission;
import id.aduan.intake.submit.SubmitComplaintRequest.LocationRequest;
import id.aduan.platform.web.ProblemResponses.FieldProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One complaint's whole history as a retired complaint app recorded it (docs/imports.md). Steps
 * not reached yet are absent: a history may end at any step.
 *
 * @param sourceApp the retired app's name ({@code APEKESAH}); with legacyId it decides the tracking id
 * @param originalChannel how the complaint reached the old app, in its own words; kept in intake only
 * @param followUps in the order they happened; possibly empty
 */
public record LegacyHistory(
        @NotBlank @Size(max = 50) String sourceApp,
        @NotBlank @Size(max = 100) String legacyId,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 10_000) String description,
        @NotBlank @Pattern(regexp = Codes.CATEGORY, message = "must be a dot-separated category code such as INFRA.ROAD")
        String categoryCode,
        @NotNull @Valid LocationRequest location,
        @Size(max = 50) String originalChannel,
        Boolean anonymous,
        Boolean confidential,
        @NotNull @PastOrPresent Instant submittedAt,
        @Valid Verification verification,
        @Valid Routing routing,
        @Size(max = 100) List<@NotNull @Valid FollowUp> followUps,
        @Valid Completion completion) {

    public LegacyHistory {
        followUps = followUps == null ? List.of() : followUps;
    }

    public record Verification(@NotNull @PastOrPresent Instant at, @NotNull Classification classification) {
    }

    /** The disposition to the agency that handled the complaint. */
    public record Routing(
            @NotNull @PastOrPresent Instant at,
            @NotBlank @Pattern(regexp = Codes.AGENCY, message = "must be an agency code such as 32.73.DUKCAPIL or KEMENKES")
            String agencyCode) {
    }

    public record FollowUp(@NotNull @PastOrPresent Instant at, @NotBlank @Size(max = 10_000) String text) {
    }

    /**
     * @param how whether the reporter was satisfied or their window to answer expired
     * @param markedCompleteAt when the agency marked it complete, if the old app knew; otherwise {@code at}
     */
    public record Completion(
            @NotNull @PastOrPresent Instant at, @NotNull ComplaintCompleted.Reason how, @PastOrPresent Instant markedCompleteAt) {

        public Instant markedAt() {
            return markedCompleteAt == null ? at : markedCompleteAt;
        }
    }

    /**
     * What breaks the lifecycle, naming the step at fault: a step whose predecessor is missing
     * (routing needs verification, a follow-up routing, completion a follow-up), and a step
     * dated before the one it follows. Empty for a history Aduan could have lived through.
     */
    public List<FieldProblem> lifecycleProblems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (routing != null && verification == null) {
            problems.add(new FieldProblem("routing", "a complaint is routed after it is verified; the history has no verification"));
        }
        if (!followUps.isEmpty() && routing == null) {
            problems.add(new FieldProblem("followUps[0]", "a follow-up needs a routing to the agency that responds; the history has none"));
        }
        if (completion != null && followUps.isEmpty()) {
            problems.add(new FieldProblem("completion", "a complaint is completed after the agency followed it up; the history has no follow-up"));
        }
        List<Step> steps = new ArrayList<>(List.of(new Step("submittedAt", submittedAt)));
        if (verification != null) {
            steps.add(new Step("verification.at", verification.at()));
        }
        if (routing != null) {
            steps.add(new Step("routing.at", routing.at()));
        }
        for (int i = 0; i < followUps.size(); i++) {
            steps.add(new Step("followUps[" + i + "].at", followUps.get(i).at()));
        }
        if (completion != null) {
            if (completion.markedCompleteAt() != null) {
                steps.add(new Step("completion.markedCompleteAt", completion.markedCompleteAt()));
            }
            steps.add(new Step("completion.at", completion.at()));
        }
        for (int i = 1; i < steps.size(); i++) {
            Step before = steps.get(i - 1);
            Step step = steps.get(i);
            if (step.at().isBefore(before.at())) {
                problems.add(new FieldProblem(step.field(), "is before " + before.field() + " (" + before.at() + "): the steps are out of order"));
            }
        }
        return problems;
    }

    private record Step(String field, Instant at) {
    }

    /**
     * The events a live complaint would have recorded, at their original times; then where it came
     * from, which only intake keeps.
     *
     * @param complaintId derived from the source app and legacy id
     * @param importedAt when Aduan imported it
     */
    public List<Object> events(String complaintId, Instant importedAt) {
        List<Object> events = new ArrayList<>();
        Submission submission = submission();
        // An imported reporter was handed no secret, so nobody can take the citizen steps for it.
        events.add(new ComplaintSubmittedEvent(complaintId, submission, submittedAt, null, null, null));
        events.add(new LegacyHistoryImported(complaintId, sourceApp, legacyId, originalChannel, importedAt));
        if (verification != null) {
            events.add(new ComplaintVerifiedEvent(complaintId, verification.classification(), categoryCode,
                    Boolean.TRUE.equals(anonymous), Boolean.TRUE.equals(confidential), verification.at(),
                    submission.location().regionCode(), null));
        }
        if (routing != null) {
            events.add(new ComplaintAssignedEvent(complaintId, ComplaintRouted.Destination.AGENCY, routing.agencyCode(), routing.at(),
                    "Dialihkan dari sistem sebelumnya.", null, null));
            for (FollowUp followUp : followUps) {
                events.add(new ComplaintFollowedUpEvent(complaintId, routing.agencyCode(), followUp.text(), List.of(), followUp.at()));
            }
            if (completion != null) {
                events.add(new ComplaintMarkedCompleteEvent(complaintId, routing.agencyCode(), completion.markedAt()));
                events.add(new ComplaintCompletedEvent(complaintId, completion.how(), null, completion.at()));
            }
        }
        return events;
    }

    /** What the complaint said, received and recorded when the old app received it. */
    Submission submission() {
        return new Submission(Channel.LEGACY_APP, title, description, categoryCode, location.toLocation(), null,
                submittedAt, Boolean.TRUE.equals(anonymous), Boolean.TRUE.equals(confidential));
    }
}
