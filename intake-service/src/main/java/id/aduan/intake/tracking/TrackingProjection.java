package id.aduan.intake.tracking;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import id.aduan.contracts.ComplaintRouted;
import id.aduan.intake.complaint.Commands;
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
import id.aduan.intake.complaint.ComplaintStatus;
import id.aduan.intake.complaint.ComplaintSubmittedEvent;
import id.aduan.intake.complaint.ComplaintVerifiedEvent;
import id.aduan.intake.complaint.InformationSuppliedEvent;
import id.aduan.intake.complaint.QuestionAskedEvent;
import id.aduan.intake.complaint.QuestionClosedEvent;
import id.aduan.intake.complaint.Submission;
import id.aduan.intake.tracking.ComplaintViews.View;
import id.aduan.intake.tracking.Tracking.Step;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

/**
 * Keeps the tracking view of every complaint from intake's own events, in its own tracking
 * processor. Writes use the synchronous driver: the processor's thread waits for MongoDB anyway,
 * and a failed write must fail the handler so the processor retries the same event.
 *
 * <p>Each event is one upsert that sets the step under the event's id and the fields the event
 * decides, so handling an event again changes nothing and a replay from the start rebuilds the
 * same view. The reporter's identity is written only as sealed in the event (encrypted with their
 * key), so a view rebuilt after an erasure holds nothing readable either.
 */
@Component
@ProcessingGroup(TrackingProjection.PROCESSING_GROUP)
class TrackingProjection {

    static final String PROCESSING_GROUP = "complaint-tracking";

    private final MongoCollection<Document> views;

    TrackingProjection(MongoClient client, MongoProperties properties) {
        this.views = client.getDatabase(properties.getMongoClientDatabase()).getCollection(ComplaintViews.COLLECTION);
    }

    @EventHandler
    void on(ComplaintSubmittedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @MetaDataValue(Commands.ACTOR) String actor) {
        Submission submission = event.submission();
        record(event.complaintId(), eventId, sequence, actor,
                new Step("SUBMITTED", event.submittedAt(), "Laporan diterima melalui kanal " + submission.channel() + ".", null, null,
                        null, null, submission.attachments()),
                ComplaintStatus.AWAITING_VERIFICATION,
                Updates.set(View.TITLE, submission.title()),
                Updates.set(View.DESCRIPTION, submission.description()),
                Updates.set(View.CATEGORY_CODE, submission.categoryCode()),
                Updates.set(View.REGION_CODE, submission.location().regionCode()),
                Updates.set(View.LATITUDE, submission.location().latitude()),
                Updates.set(View.LONGITUDE, submission.location().longitude()),
                Updates.set(View.ADDRESS, submission.location().address()),
                Updates.set(View.CHANNEL, submission.channel().name()),
                Updates.set(View.SUBMITTED_AT, event.submittedAt().toString()),
                // Also as a date: text with a varying number of fraction digits does not compare in time order.
                Updates.set(View.SUBMITTED_ON, Date.from(event.submittedAt())),
                Updates.set(View.ANONYMOUS, submission.anonymous()),
                Updates.set(View.CONFIDENTIAL, submission.confidential()),
                Updates.set(View.REPORTER, event.reporter() == null ? null : View.Reporter.of(event.reporterRef(), event.reporter())),
                Updates.set(View.REPORTER_SECRET_HASH, event.reporterSecretHash()));
    }

    @EventHandler
    void on(ComplaintDeferredEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @MetaDataValue(Commands.ACTOR) String actor) {
        record(event.complaintId(), eventId, sequence, actor, new Step("DEFERRED", event.deferredAt(),
                "Ditunda: menunggu informasi tambahan dari pelapor.", null, event.question()), ComplaintStatus.DEFERRED);
    }

    /** What the reporter supplied, for the case file only: it may say who they are. */
    @EventHandler
    void on(InformationSuppliedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @MetaDataValue(Commands.ACTOR) String actor) {
        record(event.complaintId(), eventId, sequence, actor, new Step("INFORMATION_SUPPLIED", event.suppliedAt(),
                "Pelapor melengkapi informasi; laporan menunggu verifikasi.", null, null, null, event.information()),
                ComplaintStatus.AWAITING_VERIFICATION);
    }

    @EventHandler
    void on(ComplaintArchivedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @MetaDataValue(Commands.ACTOR) String actor) {
        record(event.complaintId(), eventId, sequence, actor, new Step("ARCHIVED", event.archivedAt(),
                "Diarsipkan (" + event.reason() + ").", null, null, null, event.note()), ComplaintStatus.ARCHIVED);
    }

    /** The flags set at verification are the ones that count from now on. */
    @EventHandler
    void on(ComplaintVerifiedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @MetaDataValue(Commands.ACTOR) String actor) {
        record(event.complaintId(), eventId, sequence, actor, new Step("VERIFIED", event.verifiedAt(),
                        "Diverifikasi dan diklasifikasikan sebagai " + event.classification() + ".", null, null,
                        event.verifiedBy(), null),
                ComplaintStatus.VERIFIED,
                Updates.set(View.CLASSIFICATION, event.classification().name()),
                Updates.set(View.CATEGORY_CODE, event.categoryCode()),
                Updates.set(View.ANONYMOUS, event.anonymous()),
                Updates.set(View.CONFIDENTIAL, event.confidential()));
    }

    /** Old and new values for everyone who may see the complaint; who corrected them for the case file. */
    @EventHandler
    void on(ComplaintCorrectedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @MetaDataValue(Commands.ACTOR) String actor) {
        List<String> changes = new ArrayList<>();
        if (!event.categoryCode().equals(event.previousCategoryCode())) {
            changes.add("kategori " + event.previousCategoryCode() + " menjadi " + event.categoryCode());
        }
        if (!event.regionCode().equals(event.previousRegionCode())) {
            changes.add("wilayah " + event.previousRegionCode() + " menjadi " + event.regionCode());
        }
        record(event.complaintId(), eventId, sequence, actor, new Step("CORRECTED", event.correctedAt(),
                        "Dikoreksi oleh koordinator saat verifikasi: " + String.join(", ", changes) + ".", null, null,
                        event.correctedBy(), null),
                null,
                Updates.set(View.CATEGORY_CODE, event.categoryCode()),
                Updates.set(View.REGION_CODE, event.regionCode()));
    }

    @EventHandler
    void on(ComplaintAssignedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @MetaDataValue(Commands.ACTOR) String actor) {
        String description = event.destination() == ComplaintRouted.Destination.AGENCY
                ? "Diteruskan ke instansi " + event.agencyCode() + "."
                : "Diteruskan ke koordinator nasional untuk ditentukan instansinya.";
        // A new assignment is always another agency (the complaint records no repeat): no unit of it has the complaint.
        record(event.complaintId(), eventId, sequence, actor, new Step("ASSIGNED", event.assignedAt(), description,
                event.agencyCode(), null, event.actor(), event.reason() != null ? event.reason() : event.explanation()),
                null, Updates.set(View.AGENCY_CODE, event.agencyCode()), Updates.unset(View.UNIT_CODE));
    }

    @EventHandler
    void on(ComplaintAssignedToUnitEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @MetaDataValue(Commands.ACTOR) String actor) {
        record(event.complaintId(), eventId, sequence, actor, new Step("ASSIGNED_TO_UNIT", event.assignedAt(),
                "Diserahkan ke unit " + event.unitCode() + " untuk ditindaklanjuti.", event.unitCode(), null),
                null, Updates.set(View.UNIT_CODE, event.unitCode()));
    }

    /** A replay from the start rebuilds every view from nothing, so nothing stale survives it. */
    @ResetHandler
    void reset() {
        views.deleteMany(new Document());
    }

    @EventHandler
    void on(ComplaintFollowedUpEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @MetaDataValue(Commands.ACTOR) String actor) {
        record(event.complaintId(), eventId, sequence, actor, new Step("FOLLOWED_UP", event.followedUpAt(),
                "Tindak lanjut dari " + event.agencyCode() + ".", event.agencyCode(), event.text(), null, null,
                event.attachments()), ComplaintStatus.IN_PROCESS);
    }

    @EventHandler
    void on(QuestionAskedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @MetaDataValue(Commands.ACTOR) String actor) {
        record(event.complaintId(), eventId, sequence, actor, new Step("QUESTION_ASKED", event.askedAt(),
                event.agencyCode() + " mengajukan pertanyaan kepada pelapor.", event.agencyCode(), event.question()), null);
    }

    /** The reporter's answer is for the case file only: it may say who they are. */
    @EventHandler
    void on(QuestionClosedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @MetaDataValue(Commands.ACTOR) String actor) {
        String description = switch (event.reason()) {
            case ANSWERED -> "Pelapor menjawab pertanyaan " + event.agencyCode() + ".";
            case UNANSWERED -> "Pelapor tidak menjawab pertanyaan " + event.agencyCode()
                    + " dalam batas waktunya; tindak lanjut berjalan lagi.";
            case REASSIGNED -> "Pertanyaan " + event.agencyCode() + " ditutup: pengaduan dialihkan.";
        };
        record(event.complaintId(), eventId, sequence, actor, new Step("QUESTION_" + event.reason(), event.closedAt(), description,
                event.agencyCode(), null, null, event.answer()), null);
    }

    @EventHandler
    void on(ComplaintMarkedCompleteEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @MetaDataValue(Commands.ACTOR) String actor) {
        record(event.complaintId(), eventId, sequence, actor, new Step("MARKED_COMPLETE", event.markedAt(),
                event.agencyCode() + " menyatakan selesai; menunggu tanggapan pelapor.", event.agencyCode(), null),
                ComplaintStatus.AWAITING_REPORTER);
    }

    /** The reporter's reason, for the case file only, as it stays off Kafka. */
    @EventHandler
    void on(ComplaintReopenedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @MetaDataValue(Commands.ACTOR) String actor) {
        record(event.complaintId(), eventId, sequence, actor, new Step("REOPENED", event.reopenedAt(),
                "Dibuka kembali oleh pelapor (ke-" + event.reopening() + ").", null, null, null, event.comment()),
                ComplaintStatus.IN_PROCESS);
    }

    @EventHandler
    void on(ComplaintCompletedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @MetaDataValue(Commands.ACTOR) String actor) {
        String description = switch (event.reason()) {
            case REPORTER_SATISFIED -> "Selesai: pelapor puas dengan tindak lanjutnya.";
            case REPORTER_WINDOW_EXPIRED -> "Selesai: pelapor tidak menanggapi dalam 10 hari kerja.";
        };
        record(event.complaintId(), eventId, sequence, actor, new Step("COMPLETED", event.completedAt(), description, null, null,
                null, event.comment()), ComplaintStatus.COMPLETED);
    }

    @EventHandler
    void on(ComplaintRatedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @MetaDataValue(Commands.ACTOR) String actor) {
        record(event.complaintId(), eventId, sequence, actor, new Step("RATED", event.ratedAt(),
                "Pelapor memberi nilai " + event.score() + " dari 5.", null, null, null, event.comment()), null);
    }

    /**
     * @param actor the staff member whose command caused the event, when the step does not name one itself
     * @param status the status the step leaves the complaint in, or null when it does not change it
     */
    private void record(String complaintId, String eventId, long sequence, String actor, Step step, ComplaintStatus status,
            Bson... fields) {
        List<Bson> updates = new ArrayList<>(List.of(fields));
        Step taken = step.actor() == null && actor != null ? step.by(actor) : step;
        updates.add(Updates.set(View.STEPS + "." + eventId, View.StoredStep.of(sequence, taken)));
        if (status != null) {
            updates.add(Updates.set(View.STATUS, status.name()));
        }
        views.updateOne(Filters.eq("_id", complaintId), Updates.combine(updates), new UpdateOptions().upsert(true));
    }
}
