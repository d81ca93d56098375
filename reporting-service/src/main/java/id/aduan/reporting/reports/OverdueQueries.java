package id.aduan.reporting.reports;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;

import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import id.aduan.reporting.complaints.ComplaintReadModel;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The complaints whose working-day clock is overdue now, the longest overdue first, a page at a time. */
@Component
class OverdueQueries {

    private static final Date EARLIEST = new Date(Long.MIN_VALUE);

    private final ComplaintReadModel readModel;

    OverdueQueries(ComplaintReadModel readModel) {
        this.readModel = readModel;
    }

    /**
     * @param agency only the clocks this agency is late on; null for every overdue clock, the
     *     coordinators' verification clocks included
     */
    Mono<OverduePage> overdue(String agency, int page, int size) {
        Bson filter = filter(agency);
        MongoCollection<Document> complaints = readModel.collection();
        Mono<Long> total = Mono.from(complaints.countDocuments(filter));
        Mono<List<OverduePage.Complaint>> rows = Flux.from(complaints.find(filter)
                        .sort(Sorts.ascending("overdue.dueAt", "_id")).skip(page * size).limit(size))
                .map(document -> complaint(document, agency))
                .collectList();
        return Mono.zip(total, rows).map(both -> new OverduePage(agency, page, size, both.getT1(), both.getT2()));
    }

    /**
     * Both select through an index of overdue clocks first (docs/metrics.md, "Hot path"): a complaint
     * without one has no key in {overdue.agency, overdue.dueAt} and no date key in {overdue.dueAt}.
     */
    static Bson filter(String agency) {
        return and(agency == null ? gte("overdue.dueAt", EARLIEST) : elemMatch("overdue", eq("agency", agency)),
                eq("counted", true));
    }

    private static OverduePage.Complaint complaint(Document document, String agency) {
        Document region = document.get("region", Document.class);
        String regionCode = region.getString("district") != null ? region.getString("district")
                : region.getString("regency") != null ? region.getString("regency") : region.getString("province");
        List<OverduePage.Clock> clocks = document.getList("overdue", Document.class).stream()
                .filter(clock -> agency == null || agency.equals(clock.getString("agency")))
                .map(clock -> new OverduePage.Clock(clock.getString("kind"), clock.getString("agency"),
                        instant(clock.getDate("dueAt"))))
                .toList();
        return new OverduePage.Complaint(document.getString("_id"), document.getString("agency"),
                document.getString("channel"), document.getString("category"), regionCode,
                instant(document.getDate("submittedAt")), clocks);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
