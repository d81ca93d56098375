package id.aduan.intake.attachments;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.intake.complaint.Submission.Attachment;
import id.aduan.intake.web.RejectedInput;
import id.aduan.platform.web.ProblemResponses.FieldProblem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Attachments are uploaded first and referenced by id in a submission or a follow-up. Their bytes go to the
 * {@link AttachmentStore}, their description (name, media type, size, checksum, uploader) to
 * intake's MongoDB.
 */
@Component
public class Attachments {

    /** The first bytes each accepted type must start with, so a renamed executable is not a "PDF". */
    private static final Map<String, byte[]> SIGNATURES = Map.of(
            "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
            "application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

    static final String COLLECTION = "attachments";
    static final String UPLOADED_BY = "uploadedBy";
    /** The complaint the upload is attached to; absent while it is not. */
    static final String COMPLAINT_ID = "complaintId";
    /** The request that attached it, so that a failed request lets go of its own claims only. */
    private static final String CLAIM = "claim";
    /**
     * Present exactly while the upload is attached to no complaint: what the orphan sweep looks for.
     * Descriptions written before the sweep existed have none, so it never deletes them.
     */
    static final String UNATTACHED_SINCE = "unattachedSince";

    private final AttachmentStore store;
    private final MongoCollection<Description> described;
    private final Clock clock;
    private final DataSize maxSize;
    private final Set<String> mediaTypes;

    Attachments(AttachmentStore store, MongoDatabase database, Clock clock,
            @Value("${aduan.attachments.max-size:5MB}") DataSize maxSize,
            @Value("${aduan.attachments.media-types:image/jpeg,image/png,application/pdf}") Set<String> mediaTypes) {
        this.store = store;
        this.described = database.getCollection(COLLECTION, Description.class);
        this.clock = clock;
        this.maxSize = maxSize;
        this.mediaTypes = mediaTypes;
    }

    public int maxBytes() {
        return (int) Math.min(Integer.MAX_VALUE, maxSize.toBytes());
    }

    /** Checks and stores an upload; refused uploads store nothing. */
    public Mono<Attachment> upload(String name, String mediaType, byte[] bytes, String uploadedBy) {
        if (mediaType == null || !mediaTypes.contains(mediaType)) {
            throw new RejectedInput(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file",
                    "must be one of " + String.join(", ", mediaTypes.stream().sorted().toList()));
        }
        if (bytes.length == 0) {
            throw new RejectedInput(HttpStatus.BAD_REQUEST, "file", "is empty");
        }
        byte[] signature = SIGNATURES.get(mediaType);
        if (signature != null && (bytes.length < signature.length
                || !Arrays.equals(Arrays.copyOf(bytes, signature.length), signature))) {
            throw new RejectedInput(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file", "content is not " + mediaType);
        }
        Attachment attachment = new Attachment("att-" + UUID.randomUUID(), safeName(name), mediaType, bytes.length, sha256(bytes));
        Instant uploadedAt = clock.instant();
        Description description = new Description(attachment.id(), attachment.name(), attachment.mediaType(),
                attachment.size(), attachment.sha256(), uploadedBy, uploadedAt, uploadedAt, null, null);
        // Bytes first: a description never points at missing bytes.
        return store.put(attachment.id(), bytes)
                .then(Mono.from(described.insertOne(description)))
                .thenReturn(attachment);
    }

    /**
     * Attaches the caller's uploads to a complaint while {@code record} sends the command that records
     * them. Only the uploader may attach an upload (so an id seen elsewhere cannot attach someone
     * else's file), and only to one complaint. Each upload is claimed for the complaint first, by a
     * conditional update on its {@code _id}, so two requests cannot both take it, nor the orphan sweep
     * delete it meanwhile; if recording fails, the claims are released for a corrected request.
     *
     * @param ids the uploads, in the order the complaint lists them; refused fields are named {@code attachmentIds[i]}
     * @param record sends the command with the attachments described
     */
    public <T> Mono<T> attach(List<String> ids, String uploadedBy, String complaintId,
            Function<List<Attachment>, Mono<T>> record) {
        if (ids == null || ids.isEmpty()) {
            return record.apply(List.of());
        }
        String claim = UUID.randomUUID().toString();
        return describe(ids, uploadedBy)
                .flatMap(attachments -> claim(ids, uploadedBy, complaintId, claim).thenReturn(attachments))
                .flatMap(attachments -> record.apply(attachments)
                        .onErrorResume(refused -> release(ids, claim).then(Mono.error(refused))));
    }

    /** The uploads described, each checked: uploaded by this caller, listed once, not attached yet. */
    private Mono<List<Attachment>> describe(List<String> ids, String uploadedBy) {
        // By _id alone, a point read of each id (docs/tracking.md, "Hot path"); the rest is checked here.
        return Flux.from(described.find(Filters.in("_id", ids)))
                .filter(description -> uploadedBy.equals(description.uploadedBy()))
                .collectMap(Description::id)
                .map(found -> {
                    List<FieldProblem> problems = new ArrayList<>();
                    List<Attachment> attachments = new ArrayList<>();
                    for (int i = 0; i < ids.size(); i++) {
                        Description description = found.get(ids.get(i));
                        String field = "attachmentIds[" + i + "]";
                        if (description == null) {
                            problems.add(new FieldProblem(field, "no attachment you uploaded has this id"));
                        } else if (ids.indexOf(ids.get(i)) != i) {
                            problems.add(new FieldProblem(field, "is listed more than once"));
                        } else if (description.complaintId() != null) {
                            problems.add(new FieldProblem(field, "is already attached to a complaint; upload the file again"));
                        } else {
                            attachments.add(new Attachment(description.id(), description.name(), description.mediaType(),
                                    description.size(), description.sha256()));
                        }
                    }
                    if (!problems.isEmpty()) {
                        throw new RejectedInput(HttpStatus.BAD_REQUEST, problems);
                    }
                    return attachments;
                });
    }

    /** Takes every upload not attached yet, or none: a request that lost one to another lets go of the rest. */
    private Mono<Void> claim(List<String> ids, String uploadedBy, String complaintId, String claim) {
        return Mono.from(described.updateMany(
                        Filters.and(Filters.in("_id", ids), Filters.eq(UPLOADED_BY, uploadedBy), Filters.exists(COMPLAINT_ID, false)),
                        Updates.combine(Updates.set(COMPLAINT_ID, complaintId), Updates.set(CLAIM, claim),
                                Updates.unset(UNATTACHED_SINCE))))
                .flatMap(result -> result.getModifiedCount() == ids.size() ? Mono.<Void>empty()
                        : release(ids, claim).then(Mono.error(new RejectedInput(HttpStatus.CONFLICT, "attachmentIds",
                                "an attachment was attached elsewhere or removed meanwhile"))));
    }

    /** Lets go of this request's claims only; from now on the sweep counts the uploads as orphans again. */
    private Mono<Void> release(List<String> ids, String claim) {
        return Mono.from(described.updateMany(Filters.and(Filters.in("_id", ids), Filters.eq(CLAIM, claim)),
                Updates.combine(Updates.unset(COMPLAINT_ID), Updates.unset(CLAIM),
                        Updates.set(UNATTACHED_SINCE, clock.instant()))))
                .then();
    }

    /**
     * An upload's description as stored, under the field names the queries above use; a null field is
     * absent from the document. Public, as the driver's record codec requires.
     *
     * @param size a count of bytes, whether stored as a 32- or 64-bit integer
     */
    public record Description(@BsonId String id, String name, String mediaType, long size, String sha256,
            @BsonProperty(UPLOADED_BY) String uploadedBy, Instant uploadedAt,
            @BsonProperty(UNATTACHED_SINCE) Instant unattachedSince, @BsonProperty(COMPLAINT_ID) String complaintId,
            @BsonProperty(CLAIM) String claim) {
    }

    /** The file's own name without any directory, control characters or excess length. */
    private static String safeName(String name) {
        String base = name == null ? "" : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String clean = base.codePoints().filter(c -> !Character.isISOControl(c))
                .limit(200).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        return clean.isEmpty() ? "attachment" : clean;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
