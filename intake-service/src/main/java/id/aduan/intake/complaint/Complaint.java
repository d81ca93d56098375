package id.aduan.intake.complaint;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import id.aduan.contracts.ComplaintCompleted;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.contracts.QuestionClosed;
import id.aduan.platform.security.Actor;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A citizen's complaint, event-sourced: its state is whatever its events say. Each lifecycle command
 * answers with the status it leaves the complaint in; a step the lifecycle does not allow throws
 * {@link ComplaintLifecycleConflict} and records nothing.
 */
@Aggregate
public class Complaint {

    /** Domain rule: a reporter may reopen a complaint twice; after that the agency's completion stands. */
    static final int MAX_REOPENINGS = 2;
    /** Nothing but a rating follows these. */
    private static final Set<ComplaintStatus> CLOSED = Set.of(ComplaintStatus.ARCHIVED, ComplaintStatus.COMPLETED);

    @AggregateIdentifier
    private String complaintId;
    private String categoryCode;
    /** The location's Kemendagri region: the submitted one until a coordinator corrects it at verification. */
    private String regionCode;
    private ComplaintStatus status;
    /** The latest routing decision recorded, or null before the first. */
    private Assignment assignment;
    /** The unit of the assigned agency the complaint was handed to, or null. */
    private String unitCode;
    /** Whether the agency responded since verification or the last reopening: marking complete needs it. */
    private boolean followedUp;
    private Instant markedCompleteAt;
    private int reopenings;
    private boolean rated;
    /** Null for complaints submitted before reporter secrets existed. */
    private String reporterSecretHash;
    /** The agency's question the reporter has not answered yet, or null. */
    private OpenQuestion openQuestion;

    private record Assignment(ComplaintRouted.Destination destination, String agencyCode) {
    }

    private record OpenQuestion(String agencyCode, Instant askedAt) {
    }

    protected Complaint() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    public Complaint(SubmitComplaint command) {
        if (command.submission().receivedAt().isAfter(command.submittedAt())) {
            throw new ComplaintRuleViolation("receivedAt", "a complaint cannot be received after it is submitted");
        }
        if ((command.reporter() == null) != (command.reporterRef() == null)) {
            throw new ComplaintRuleViolation("reporterRef", "a reporter reference goes with a reporter, and only with one");
        }
        apply(new ComplaintSubmittedEvent(command.complaintId(), command.submission(), command.submittedAt(),
                command.reporter(), command.reporterRef(), command.reporterSecretHash()));
    }

    /** A complaint migrated from a retired app, with every step it took there, at the original times. */
    @CommandHandler
    public Complaint(ImportComplaint command) {
        command.history().forEach(event -> apply(event));
    }

    @CommandHandler
    ComplaintStatus handle(DeferComplaint command) {
        require(status == ComplaintStatus.AWAITING_VERIFICATION, "only a complaint awaiting verification can be deferred");
        apply(new ComplaintDeferredEvent(complaintId, command.question(), command.deferredAt()));
        return status;
    }

    @CommandHandler
    ComplaintStatus handle(SupplyInformation command) {
        requireReporter(command.reporterSecretHash());
        require(status == ComplaintStatus.DEFERRED, "information can only be supplied for a deferred complaint");
        apply(new InformationSuppliedEvent(complaintId, command.information(), command.suppliedAt()));
        return status;
    }

    @CommandHandler
    ComplaintStatus handle(ArchiveComplaint command) {
        require(status == ComplaintStatus.AWAITING_VERIFICATION || status == ComplaintStatus.DEFERRED,
                "only a complaint not yet verified can be archived");
        apply(new ComplaintArchivedEvent(complaintId, command.reason(), command.note(), command.archivedAt()));
        return status;
    }

    @CommandHandler
    ComplaintStatus handle(VerifyComplaint command) {
        require(status == ComplaintStatus.AWAITING_VERIFICATION, "only a complaint awaiting verification can be verified");
        String category = Objects.requireNonNullElse(command.correctedCategoryCode(), categoryCode);
        String region = Objects.requireNonNullElse(command.correctedRegionCode(), regionCode);
        // A "correction" to the values it already has is no correction: the timeline shows none.
        if (!category.equals(categoryCode) || !region.equals(regionCode)) {
            apply(new ComplaintCorrectedEvent(complaintId, categoryCode, category, regionCode, region, command.verifiedBy(),
                    command.verifiedAt()));
        }
        apply(new ComplaintVerifiedEvent(complaintId, command.classification(), category, command.anonymous(),
                command.confidential(), command.verifiedAt(), region, command.verifiedBy()));
        return status;
    }

    /** Routing decides on submission, so an assignment may come before verification; a repeated one changes nothing. */
    @CommandHandler
    ComplaintStatus handle(RecordAssignment command) {
        require(!CLOSED.contains(status), "a closed complaint cannot be assigned");
        Assignment decided = new Assignment(command.destination(), command.agencyCode());
        if (!decided.equals(assignment)) {
            if (openQuestion != null && !openQuestion.agencyCode().equals(command.agencyCode())) {
                // The agency that asked no longer holds the complaint: its clocks must not wait on the answer.
                apply(new QuestionClosedEvent(complaintId, openQuestion.agencyCode(), QuestionClosed.Reason.REASSIGNED, null,
                        command.assignedAt()));
            }
            apply(new ComplaintAssignedEvent(complaintId, command.destination(), command.agencyCode(), command.assignedAt(),
                    command.explanation(), command.actor(), command.reason()));
            if (command.unitCode() != null) {
                // Routing names the unit where the law puts the affair with one (docs/routing.md, administrative regions).
                apply(new ComplaintAssignedToUnitEvent(complaintId, command.agencyCode(), command.unitCode(), command.assignedAt()));
            }
        }
        return status;
    }

    /** Handing it to the unit it is already with changes nothing. */
    @CommandHandler
    ComplaintStatus handle(AssignToUnit command) {
        requireAssignedTo(command.agencyCode(), null);
        require(!CLOSED.contains(status), "a closed complaint cannot be handed to a unit");
        if (!Actor.unitOf(command.unitCode(), command.agencyCode())) {
            throw new ComplaintRuleViolation("unitCode", "must be a unit of " + command.agencyCode());
        }
        if (!command.unitCode().equals(unitCode)) {
            apply(new ComplaintAssignedToUnitEvent(complaintId, command.agencyCode(), command.unitCode(), command.assignedAt()));
        }
        return status;
    }

    @CommandHandler
    ComplaintStatus handle(RecordFollowUp command) {
        requireAssignedTo(command.agencyCode(), command.unitCode());
        require(status == ComplaintStatus.VERIFIED || status == ComplaintStatus.IN_PROCESS,
                "only a verified complaint in process can be followed up");
        apply(new ComplaintFollowedUpEvent(complaintId, command.agencyCode(), command.text(), command.attachments(),
                command.followedUpAt()));
        return status;
    }

    @CommandHandler
    ComplaintStatus handle(MarkComplete command) {
        requireAssignedTo(command.agencyCode(), command.unitCode());
        require(status == ComplaintStatus.IN_PROCESS && followedUp,
                "only a complaint followed up since its verification or last reopening can be marked complete");
        require(openQuestion == null, "a complaint cannot be marked complete while the reporter has a question to answer");
        apply(new ComplaintMarkedCompleteEvent(complaintId, command.agencyCode(), command.markedAt()));
        return status;
    }

    /** One question at a time; the agency may still follow up while it waits for the answer. */
    @CommandHandler
    ComplaintStatus handle(AskReporter command) {
        requireAssignedTo(command.agencyCode(), command.unitCode());
        require(status == ComplaintStatus.VERIFIED || status == ComplaintStatus.IN_PROCESS,
                "only a verified complaint in process can have the reporter asked a question");
        require(openQuestion == null, "the reporter has not answered the agency's previous question yet");
        apply(new QuestionAskedEvent(complaintId, command.agencyCode(), command.question(), command.askedAt()));
        return status;
    }

    @CommandHandler
    ComplaintStatus handle(AnswerQuestion command) {
        requireReporter(command.reporterSecretHash());
        require(openQuestion != null, "the agency has asked the reporter no question to answer");
        apply(new QuestionClosedEvent(complaintId, openQuestion.agencyCode(), QuestionClosed.Reason.ANSWERED,
                command.answer(), command.answeredAt()));
        return status;
    }

    /** An expiry of an earlier question (answered meanwhile) does not close the one open now. */
    @CommandHandler
    ComplaintStatus handle(CloseUnansweredQuestion command) {
        require(openQuestion != null && openQuestion.askedAt().equals(command.askedAt()),
                "only the question still open can run out of time");
        apply(new QuestionClosedEvent(complaintId, openQuestion.agencyCode(), QuestionClosed.Reason.UNANSWERED, null,
                command.expiredAt()));
        return status;
    }

    @CommandHandler
    ComplaintStatus handle(AnswerAsReporter command) {
        requireReporter(command.reporterSecretHash());
        require(status == ComplaintStatus.AWAITING_REPORTER, "the reporter can only answer a complaint marked complete");
        if (command.satisfied()) {
            apply(new ComplaintCompletedEvent(complaintId, ComplaintCompleted.Reason.REPORTER_SATISFIED, command.comment(),
                    command.answeredAt()));
        } else {
            require(reopenings < MAX_REOPENINGS, "a complaint can be reopened at most " + MAX_REOPENINGS + " times");
            apply(new ComplaintReopenedEvent(complaintId, reopenings + 1, command.comment(), command.answeredAt()));
        }
        return status;
    }

    /** An expiry older than the latest marking belongs to an earlier window, which a reopening ended. */
    @CommandHandler
    ComplaintStatus handle(CompleteAutomatically command) {
        require(status == ComplaintStatus.AWAITING_REPORTER && !command.expiredAt().isBefore(markedCompleteAt),
                "only the reporter window of the latest completion can complete a complaint");
        apply(new ComplaintCompletedEvent(complaintId, ComplaintCompleted.Reason.REPORTER_WINDOW_EXPIRED, null,
                command.expiredAt()));
        return status;
    }

    @CommandHandler
    ComplaintStatus handle(RateComplaint command) {
        requireReporter(command.reporterSecretHash());
        require(status == ComplaintStatus.COMPLETED && !rated, "a completed complaint can be rated once");
        apply(new ComplaintRatedEvent(complaintId, command.score(), command.comment(), command.ratedAt()));
        return status;
    }

    private void require(boolean allowed, String rule) {
        if (!allowed) {
            throw new ComplaintLifecycleConflict(status, rule);
        }
    }

    /** Checked before the lifecycle, so that without the secret nothing about the complaint is revealed. */
    private void requireReporter(String presentedSecretHash) {
        if (!ReporterSecret.matches(reporterSecretHash, presentedSecretHash)) {
            throw new NotTheReporter();
        }
    }

    /** @param actingUnit the liaison officer's unit, or null for the agency admin, who acts for every unit */
    /** Checked before the lifecycle, so that an agency learns nothing of a complaint that is not its own. */
    private void requireAssignedTo(String agencyCode, String actingUnit) {
        if (agencyCode == null || assignment == null || !agencyCode.equals(assignment.agencyCode())
                || (actingUnit != null && !actingUnit.equals(unitCode))) {
            throw new NotTheAssignedAgency();
        }
    }

    @EventSourcingHandler
    void on(ComplaintSubmittedEvent event) {
        complaintId = event.complaintId();
        categoryCode = event.submission().categoryCode();
        regionCode = event.submission().location().regionCode();
        reporterSecretHash = event.reporterSecretHash();
        status = ComplaintStatus.AWAITING_VERIFICATION;
    }

    @EventSourcingHandler
    void on(ComplaintDeferredEvent event) {
        status = ComplaintStatus.DEFERRED;
    }

    @EventSourcingHandler
    void on(InformationSuppliedEvent event) {
        status = ComplaintStatus.AWAITING_VERIFICATION;
    }

    @EventSourcingHandler
    void on(ComplaintArchivedEvent event) {
        status = ComplaintStatus.ARCHIVED;
    }

    @EventSourcingHandler
    void on(ComplaintVerifiedEvent event) {
        categoryCode = event.categoryCode();
        regionCode = Objects.requireNonNullElse(event.regionCode(), regionCode);
        status = ComplaintStatus.VERIFIED;
    }

    @EventSourcingHandler
    void on(ComplaintAssignedEvent event) {
        if (assignment == null || !Objects.equals(assignment.agencyCode(), event.agencyCode())) {
            // Forwarded elsewhere: the old agency's unit has nothing more to do with it.
            unitCode = null;
        }
        assignment = new Assignment(event.destination(), event.agencyCode());
    }

    @EventSourcingHandler
    void on(ComplaintAssignedToUnitEvent event) {
        unitCode = event.unitCode();
    }

    @EventSourcingHandler
    void on(ComplaintFollowedUpEvent event) {
        followedUp = true;
        status = ComplaintStatus.IN_PROCESS;
    }

    @EventSourcingHandler
    void on(QuestionAskedEvent event) {
        openQuestion = new OpenQuestion(event.agencyCode(), event.askedAt());
    }

    @EventSourcingHandler
    void on(QuestionClosedEvent event) {
        openQuestion = null;
    }

    @EventSourcingHandler
    void on(ComplaintMarkedCompleteEvent event) {
        markedCompleteAt = event.markedAt();
        status = ComplaintStatus.AWAITING_REPORTER;
    }

    @EventSourcingHandler
    void on(ComplaintReopenedEvent event) {
        reopenings = event.reopening();
        followedUp = false;
        status = ComplaintStatus.IN_PROCESS;
    }

    @EventSourcingHandler
    void on(ComplaintCompletedEvent event) {
        status = ComplaintStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(ComplaintRatedEvent event) {
        rated = true;
    }
}
