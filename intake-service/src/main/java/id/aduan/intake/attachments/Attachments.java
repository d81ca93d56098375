package id.aduan.intake.attachments;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.intake.complaint.Submission.Attachment;
import id.aduan.intake.web.RejectedInput;
import id.aduan.platform.web.ProblemResponses.FieldProblem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Attachments are uploaded first and referenced by id in a submission. Their bytes go to the
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

    private final AttachmentStore store;
    private final MongoCollection<Document> described;
    private final Clock clock;
    private final DataSize maxSize;
    private final Set<String> mediaTypes;

    Attachments(AttachmentStore store, MongoDatabase database, Clock clock,
            @Value("${aduan.attachments.max-size:5MB}") DataSize maxSize,
            @Value("${aduan.attachments.media-types:image/jpeg,image/png,application/pdf}") Set<String> mediaTypes) {
        this.store = store;
        this.described = database.getCollection("attachments");
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
        Document description = new Document("_id", attachment.id())
                .append("name", attachment.name())
                .append("mediaType", attachment.mediaType())
                .append("size", attachment.size())
                .append("sha256", attachment.sha256())
                .append("uploadedBy", uploadedBy)
                .append("uploadedAt", Date.from(clock.instant()));
        // Bytes first: a description never points at missing bytes.
        return store.put(attachment.id(), bytes)
                .then(Mono.from(described.insertOne(description)))
                .thenReturn(attachment);
    }

    /**
     * The attachments a submission refers to, in its order. Only the uploader may refer to an
     * upload, so an id seen elsewhere cannot attach someone else's file.
     */
    public Mono<List<Attachment>> resolve(List<String> ids, String uploadedBy) {
        if (ids == null || ids.isEmpty()) {
            return Mono.just(List.of());
        }
        // By _id alone, a point read of each id (docs/tracking.md, "Hot path"); the uploader is checked here.
        return Flux.from(described.find(Filters.in("_id", ids)))
                .filter(document -> uploadedBy.equals(document.getString("uploadedBy")))
                .collectMap(document -> document.getString("_id"))
                .map(found -> {
                    List<FieldProblem> unknown = new ArrayList<>();
                    List<Attachment> attachments = new ArrayList<>();
                    for (int i = 0; i < ids.size(); i++) {
                        Document document = found.get(ids.get(i));
                        if (document == null) {
                            unknown.add(new FieldProblem("attachmentIds[" + i + "]", "no attachment you uploaded has this id"));
                        } else {
                            attachments.add(new Attachment(document.getString("_id"), document.getString("name"),
                                    document.getString("mediaType"), document.get("size", Number.class).longValue(),
                                    document.getString("sha256")));
                        }
                    }
                    if (!unknown.isEmpty()) {
                        throw new RejectedInput(HttpStatus.BAD_REQUEST, unknown);
                    }
                    return attachments;
                });
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
