package id.aduan.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.platform.events.EventPublisher;
import id.aduan.platform.testing.ScanCountingMongo;
import id.aduan.routing.decision.CompetenceRule;
import id.aduan.routing.decision.CompetenceRules;
import id.aduan.routing.reference.ReferenceData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The competence rules are stored as typed records, in the shape installations already hold. */
class RuleBookStorageTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ReferenceData DATA = ReferenceData.load();
    private static final List<CompetenceRule> SHIPPED = CompetenceRules.shipped(DATA).inOrder();

    @Test
    void ruleSetsStoredBeforeTheRecordsReadBackAndTheUnannouncedOneIsAnnounced() {
        try (ScanCountingMongo mongo = ScanCountingMongo.start()) {
            MongoDatabase database = mongo.database("aduan-routing");
            Instant seededAt = Instant.parse("2026-01-05T02:00:00Z");
            Instant changedAt = Instant.parse("2026-03-10T07:30:00Z");
            Mono.from(raw(database).insertMany(List.of(
                    new Document("_id", 1).append("version", "2026.1").append("previousVersion", null)
                            .append("rules", SHIPPED.stream().map(RuleBookStorageTest::raw).toList())
                            .append("changedBy", RuleBook.SEEDED_BY).append("reason", "Seeded.")
                            .append("changedAt", Date.from(seededAt)).append("changeId", null).append("published", true),
                    new Document("_id", 2).append("version", "2026.1-r2").append("previousVersion", "2026.1")
                            .append("rules", SHIPPED.subList(1, SHIPPED.size()).stream().map(RuleBookStorageTest::raw).toList())
                            .append("changedBy", "coordinator").append("reason", "Uji.")
                            .append("changedAt", Date.from(changedAt)).append("changeId", "change-2").append("published", false))))
                    .block(WAIT);
            KafkaTemplate<String, byte[]> kafka = kafka();
            RuleBook book = new RuleBook(database, DATA, new EventPublisher(kafka, "routing-service", headers -> { }), Clock.systemUTC());

            assertThat(book.current().block(WAIT)).isEqualTo(new RuleSet(2, "2026.1-r2", "2026.1",
                    SHIPPED.subList(1, SHIPPED.size()), "coordinator", "Uji.", changedAt, "change-2"));
            assertThat(book.history().map(RuleSet::version).collectList().block(WAIT)).containsExactly("2026.1-r2", "2026.1");
            assertThat(book.history().blockLast(WAIT)).isEqualTo(new RuleSet(1, "2026.1", null, SHIPPED, RuleBook.SEEDED_BY,
                    "Seeded.", seededAt, null));

            book.publishPending().block(WAIT);
            assertThat(Mono.from(raw(database).find(Filters.eq("_id", 2)).first()).block(WAIT).getBoolean("published")).isTrue();
        }
    }

    @Test
    void aChangeIsStoredUnderTheFieldNamesEarlierVersionsRead() {
        try (ScanCountingMongo mongo = ScanCountingMongo.start()) {
            MongoDatabase database = mongo.database("aduan-routing");
            RuleBook book = new RuleBook(database, DATA, new EventPublisher(kafka(), "routing-service", headers -> { }),
                    Clock.systemUTC());
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

            RuleSet changed = book.change(SHIPPED.subList(1, SHIPPED.size()), "coordinator", "Uji.", null, now).block(WAIT);

            Document stored = Mono.from(raw(database).find(Filters.eq("_id", changed.revision())).first()).block(WAIT);
            assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "version", "previousVersion", "rules", "changedBy",
                    "reason", "changedAt", "changeId", "published");
            assertThat(stored.getInteger("_id")).isEqualTo(2);
            assertThat(stored.getDate("changedAt")).isEqualTo(Date.from(now));
            assertThat(stored.getBoolean("published")).isTrue();
            assertThat(stored.getList("rules", Document.class)).containsExactlyElementsOf(
                    SHIPPED.subList(1, SHIPPED.size()).stream().map(RuleBookStorageTest::raw).toList());
            assertThat(Flux.from(raw(database).find()).count().block(WAIT)).isEqualTo(2);
        }
    }

    private static MongoCollection<Document> raw(MongoDatabase database) {
        return database.getCollection("competence-rules");
    }

    /** A rule as stored before the records. */
    private static Document raw(CompetenceRule rule) {
        return new Document("id", rule.id()).append("categoryCode", rule.categoryCode()).append("level", rule.level().name())
                .append("unit", rule.unit()).append("basis", rule.basis());
    }

    @SuppressWarnings("unchecked")
    private static KafkaTemplate<String, byte[]> kafka() {
        KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(null));
        return kafka;
    }
}
