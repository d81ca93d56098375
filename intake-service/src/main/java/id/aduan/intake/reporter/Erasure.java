package id.aduan.intake.reporter;

import java.time.Instant;
import java.util.List;
import org.bson.Document;

/**
 * An erasure as recorded in the {@value ReporterErasures#COLLECTION} collection, and the answer to
 * every request to erase the same reporter: who erased, when, and how the request was verified;
 * never who the reporter was.
 *
 * @param reporterRef the reference the erasure was first asked for
 * @param complaints how many complaints' reporter it erased
 */
public record Erasure(String reporterRef, String status, int complaints, String erasedBy, Instant erasedAt,
        Instant requestedAt, String verification) {

    static final String ERASED = "ERASED";

    Document toDocument(String id, List<String> keys, List<String> refs) {
        return new Document("_id", id).append("reporterRef", reporterRef).append("keys", keys).append("refs", refs)
                .append("complaints", complaints).append("erasedBy", erasedBy).append("erasedAt", erasedAt.toString())
                .append("requestedAt", requestedAt.toString()).append("verification", verification);
    }

    static Erasure of(Document record) {
        return new Erasure(record.getString("reporterRef"), ERASED, record.getInteger("complaints"), record.getString("erasedBy"),
                Instant.parse(record.getString("erasedAt")), Instant.parse(record.getString("requestedAt")),
                record.getString("verification"));
    }
}
