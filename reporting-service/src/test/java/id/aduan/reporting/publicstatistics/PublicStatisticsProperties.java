package id.aduan.reporting.publicstatistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import id.aduan.contracts.AduanEvent;
import id.aduan.contracts.Channel;
import id.aduan.contracts.Classification;
import id.aduan.contracts.ComplaintIds;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.SlaClockStopped.Outcome;
import id.aduan.localinfra.MongoStandIn;
import id.aduan.reference.IndonesianRegions;
import id.aduan.reporting.History;
import id.aduan.reporting.complaints.ComplaintReadModel;
import id.aduan.reporting.publicstatistics.Suppression.Base;
import id.aduan.reporting.reports.Figures;
import id.aduan.reporting.reports.Report;
import id.aduan.reporting.reports.ReportPeriod;
import id.aduan.reporting.reports.ReportQueries;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The public answer's promise over random data sets, stored in the read model and read through the
 * reports' own queries (the in-memory MongoDB stand-in): no group of fewer than 5 complaints shows
 * a figure, no rate or average rests on fewer than 5, subtracting the shown groups of a breakdown
 * from its total never reveals between 1 and 4 complaints, and no complaint's text or id appears.
 */
class PublicStatisticsProperties {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final int YEAR = 2025;
    private static final ReportPeriod PERIOD = new ReportPeriod(LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31));
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final AtomicInteger DATA_SETS = new AtomicInteger();

    private static MongoStandIn mongo;
    private static MongoClient client;

    /** One complaint of a data set: where, when, how far it got, and the texts its reporter wrote. */
    record Complaint(String id, Channel channel, String category, String region, int month, int day, int progress,
            int followUpDays, int score, String title, String description) {
    }

    @BeforeContainer
    static void startMongo() {
        mongo = MongoStandIn.inMemory(0);
        client = MongoClients.create(mongo.connectionString());
    }

    @AfterContainer
    static void stopMongo() {
        client.close();
        mongo.close();
    }

    @Property(tries = 60)
    void neverAGroupUnderFiveNorAnyText(@ForAll("dataSets") List<Complaint> complaints) throws Exception {
        ComplaintReadModel readModel = new ComplaintReadModel(client.getDatabase("public-" + DATA_SETS.incrementAndGet()),
                IndonesianRegions.shipped());
        // As the service does at start: the collection exists even before the first complaint.
        readModel.open();
        for (Complaint complaint : complaints) {
            readModel.apply(complaint.id(), events(complaint)).block();
        }
        ReportQueries reports = new ReportQueries(readModel, IndonesianRegions.shipped());
        PublicStatisticsQueries statistics = new PublicStatisticsQueries(reports, Duration.ofMinutes(5));

        for (String region : new String[] {null, "32", "32.73"}) {
            String answer = JSON.writeValueAsString(statistics.statistics(YEAR, region).block());
            for (Complaint complaint : complaints) {
                assertThat(answer).doesNotContain(complaint.title(), complaint.description(), complaint.id());
            }
            Report report = (region == null ? reports.nationalReport(PERIOD, ReportPeriod.Interval.MONTH)
                    : reports.regionReport(region, PERIOD, ReportPeriod.Interval.MONTH)).block();
            JsonNode tree = JSON.readTree(answer);
            assertPublishable(tree.get("total"), report.figures());
            JsonNode totalShown = tree.get("total");
            assertBreakdown(tree.get("byMonth"), report.byPeriod(), totalShown);
            assertBreakdown(tree.get("byCategory"), report.byCategory(), totalShown);
            assertBreakdown(tree.get("byChannel"), report.byChannel(), totalShown);
            if ("32.73".equals(region)) {
                assertThat(tree.get("byRegion").size()).as("districts are not published").isZero();
            } else {
                assertBreakdown(tree.get("byRegion"), report.byRegion(), totalShown);
            }
        }
    }

    /** Every figure shown rests on at least 5 complaints; a group under 5 shows nothing but the mark. */
    private static void assertPublishable(JsonNode bucket, Figures truth) {
        if (bucket.get("suppressed").asBoolean()) {
            assertThat(bucket.get("received")).isNull();
            assertThat(bucket.size()).isLessThanOrEqualTo(2);
            return;
        }
        assertThat(bucket.get("received").asLong()).isEqualTo(truth.counts().received()).isGreaterThanOrEqualTo(5);
        assertThat(bucket.get("completionRate").isNull() || truth.counts().verified() >= 5).isTrue();
        assertThat(bucket.get("averageFollowUpWorkingDays").isNull() || truth.counts().followUpsMeasured() >= 5).isTrue();
        assertThat(bucket.at("/satisfaction/averageRating").isNull() || truth.counts().ratings() >= 5).isTrue();
    }

    /**
     * Each group as above, and, for every figure the total shows, what the shown groups leave of it
     * rests on 0 or at least 5 complaints.
     */
    private static void assertBreakdown(JsonNode buckets, Map<String, Figures> truth, JsonNode total) {
        Map<Base, Long> hidden = new EnumMap<>(Base.class);
        for (Base base : Base.values()) {
            hidden.put(base, 0L);
        }
        for (Iterator<Map.Entry<String, JsonNode>> groups = buckets.fields(); groups.hasNext(); ) {
            Map.Entry<String, JsonNode> group = groups.next();
            Figures figures = truth.getOrDefault(group.getKey(), Figures.NONE);
            JsonNode bucket = group.getValue();
            assertPublishable(bucket, figures);
            boolean withheld = bucket.get("suppressed").asBoolean();
            add(hidden, Base.GROUP, withheld, figures);
            add(hidden, Base.COMPLETION, withheld || bucket.get("completionRate").isNull(), figures);
            add(hidden, Base.FOLLOW_UP, withheld || bucket.get("averageFollowUpWorkingDays").isNull(), figures);
            add(hidden, Base.SATISFACTION, withheld || bucket.at("/satisfaction/averageRating").isNull(), figures);
        }
        // Every group the report found is in the answer, so the answer's groups add up to its total.
        assertThat(truth.entrySet()).allSatisfy(found -> assertThat(found.getValue().counts().received() == 0
                || buckets.has(found.getKey())).isTrue());
        hidden.forEach((base, count) -> {
            if (shows(total, base)) {
                assertThat(count).as(base.name()).satisfiesAnyOf(
                        n -> assertThat(n).isZero(), n -> assertThat(n).isGreaterThanOrEqualTo(5));
            }
        });
    }

    private static boolean shows(JsonNode bucket, Base base) {
        if (bucket.get("suppressed").asBoolean()) {
            return false;
        }
        return switch (base) {
            case GROUP -> true;
            case COMPLETION -> !bucket.get("completionRate").isNull();
            case FOLLOW_UP -> !bucket.get("averageFollowUpWorkingDays").isNull();
            case SATISFACTION -> !bucket.at("/satisfaction/averageRating").isNull();
        };
    }

    private static void add(Map<Base, Long> hidden, Base base, boolean withheld, Figures figures) {
        if (withheld) {
            hidden.merge(base, base.of(figures), Long::sum);
        }
    }

    private static List<AduanEvent> events(Complaint complaint) {
        Instant submitted = LocalDateTime.of(YEAR, complaint.month(), complaint.day(), 9, 0).atZone(WIB).toInstant();
        History history = History.submitted(complaint.id(), complaint.channel(), complaint.category(), complaint.region(),
                submitted);
        if (complaint.progress() >= 1) {
            history.routedTo("32.73.DPUPR", submitted.plusSeconds(60))
                    .verified(Classification.COMPLAINT_NO_SUPERVISORY_WEIGHT, submitted.plusSeconds(3_600), 1, Outcome.MET);
        }
        if (complaint.progress() >= 2) {
            history.followedUp(submitted.plus(Duration.ofDays(2)), complaint.followUpDays(), Outcome.MET);
        }
        if (complaint.progress() >= 3) {
            history.completed(submitted.plus(Duration.ofDays(3)), submitted.plus(Duration.ofDays(4)));
        }
        if (complaint.progress() >= 4) {
            history.rated(complaint.score(), submitted.plus(Duration.ofDays(5)));
        }
        // The reporter's own words, which only intake may show.
        List<AduanEvent> events = new ArrayList<>(history.events());
        ComplaintSubmitted s = (ComplaintSubmitted) events.get(0);
        events.set(0, new ComplaintSubmitted(s.complaintId(), s.channel(), complaint.title(), complaint.description(),
                s.categoryCode(), s.location(), null, s.receivedAt(), s.submittedAt(), false, true, null));
        return events;
    }

    @Provide
    Arbitrary<List<Complaint>> dataSets() {
        Arbitrary<String> words = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(6).ofMaxLength(12);
        Arbitrary<Complaint> complaint = Combinators.combine(
                Combinators.combine(
                        Arbitraries.of(Channel.WEB, Channel.SMS, Channel.WHATSAPP),
                        Arbitraries.of("INFRA.ROAD", "HEALTH", "ADMINDUK.ID_CARD"),
                        // Two regencies of Jawa Barat (one by district, one by regency only) and one of Jawa Tengah.
                        Arbitraries.of("32.73.01", "32.73.02", "32.04", "33.74.01"),
                        Arbitraries.integers().between(1, 4),
                        Arbitraries.integers().between(1, 28)).as((channel, category, region, month, day) ->
                        new Object[] {channel, category, region, month, day}),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 10),
                Arbitraries.integers().between(1, 5),
                words, words).as((where, progress, followUpDays, score, title, description) -> new Complaint(
                        ComplaintIds.next(), (Channel) where[0], (String) where[1], (String) where[2], (int) where[3], (int) where[4], progress,
                        followUpDays, score, "Judul " + title, "Keluhan " + description));
        return complaint.list().ofMinSize(0).ofMaxSize(40);
    }
}
