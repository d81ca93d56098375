package id.aduan.reporting.reports;

import static com.mongodb.client.model.Aggregates.facet;
import static com.mongodb.client.model.Aggregates.group;
import static com.mongodb.client.model.Aggregates.match;
import static com.mongodb.client.model.Aggregates.unwind;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.BsonField;
import com.mongodb.client.model.Facet;
import id.aduan.contracts.Channel;
import id.aduan.contracts.Classification;
import id.aduan.platform.web.ProblemResponses;
import id.aduan.reference.AgencyCode;
import id.aduan.reference.IndonesianRegions;
import id.aduan.reference.RegionCode;
import id.aduan.reporting.complaints.Tally;
import id.aduan.reporting.reports.ReportPeriod.Interval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import id.aduan.reporting.complaints.ComplaintReadModel;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reports, each one aggregation over the {@code complaints} collection: select the scope's
 * complaints received in the period (by an indexed field and {@code submittedOn}), then sum their
 * tallies overall and per breakdown in one {@code $facet}. Only stages both MongoDB and the
 * stand-in support: $match, $unwind, $group with $sum, $facet.
 */
@Component
public class ReportQueries {

    static final String UNSPECIFIED = "UNSPECIFIED";
    static final String UNCLASSIFIED = "UNCLASSIFIED";
    static final String NATIONAL_NAME = "Indonesia";

    private final ComplaintReadModel readModel;
    private final IndonesianRegions regions;

    public ReportQueries(ComplaintReadModel readModel, IndonesianRegions regions) {
        this.readModel = readModel;
        this.regions = regions;
    }

    /**
     * The complaints a report sums, and where their tallies are: on the complaint itself nationally
     * and for regions, in the agency's share ({@code agencies.*}) for an agency.
     */
    record Selection(List<Bson> stages, String prefix) {

        String tally() {
            return prefix + "tally";
        }

        String day() {
            return prefix + "submittedOn";
        }
    }

    static Selection national(ReportPeriod period) {
        return new Selection(List.of(match(received("submittedOn", period))), "");
    }

    static Selection region(RegionCode.Level level, String code, ReportPeriod period) {
        return new Selection(List.of(match(and(eq(field(level), code), received("submittedOn", period)))), "");
    }

    /** The field of a complaint's read-model document that holds its region at this level. */
    static String field(RegionCode.Level level) {
        return "region." + level.name().toLowerCase();
    }

    static Selection agency(String code, ReportPeriod period) {
        return new Selection(List.of(
                match(elemMatch("agencies", and(eq("agency", code), received("submittedOn", period)))),
                unwind("$agencies"),
                match(and(eq("agencies.agency", code), received("agencies.submittedOn", period)))), "agencies.");
    }

    /** Every agency's share received in the period; {@code within} keeps the agencies of that region. */
    static Selection agencies(ReportPeriod period, String within) {
        List<Bson> shareFilter = new ArrayList<>(List.of(received("agencies.submittedOn", period)));
        if (within != null) {
            shareFilter.add(regex("agencies.agency", "^" + Pattern.quote(within + ".")));
        }
        return new Selection(List.of(
                match(elemMatch("agencies", received("submittedOn", period))),
                unwind("$agencies"),
                match(and(shareFilter))), "agencies.");
    }

    private static Bson received(String field, ReportPeriod period) {
        return and(gte(field, period.fromKey()), lte(field, period.toKey()));
    }

    public Mono<Report> nationalReport(ReportPeriod period, Interval interval) {
        return report(new Report.Scope("NATIONAL", null, NATIONAL_NAME, null), national(period), RegionCode.Level.PROVINCE, period, interval);
    }

    public Mono<Report> regionReport(String code, ReportPeriod period, Interval interval) {
        // A well-formed code the reference data does not list is refused, as at intake (docs/architecture.md).
        if (!regions.known(code)) {
            throw ProblemResponses.invalidField("code", "must be a region in the Kemendagri list, such as 32.73");
        }
        RegionCode.Level level = RegionCode.Level.of(code);
        RegionCode region = RegionCode.parse(code).orElseThrow();
        return report(new Report.Scope(level.name(), code, regions.name(code).orElse(null),
                regions.zoneOf(region).getId()),
                region(level, code, period), level.finer(), period, interval);
    }

    Mono<Report> agencyReport(String code, ReportPeriod period, Interval interval) {
        AgencyCode agency = AgencyCode.parse(code);
        return report(new Report.Scope("AGENCY", code, null, regions.zoneOf(agency).getId()), agency(code, period),
                breakdownLevel(agency), period, interval);
    }

    /** The region level one below the agency's own: a regency agency's complaints break down by district. */
    private static RegionCode.Level breakdownLevel(AgencyCode agency) {
        return switch (agency.level()) {
            case CENTRAL -> RegionCode.Level.PROVINCE;
            case PROVINCE -> RegionCode.Level.REGENCY;
            case REGENCY -> RegionCode.Level.DISTRICT;
        };
    }

    private Mono<Report> report(Report.Scope scope, Selection selection, RegionCode.Level breakdown, ReportPeriod period,
            Interval interval) {
        List<Facet> facets = new ArrayList<>(List.of(
                new Facet("total", group(null, sums(selection))),
                new Facet("channel", group("$channel", sums(selection))),
                new Facet("category", group("$category", sums(selection))),
                new Facet("classification", group("$classification", sums(selection)))));
        if (breakdown != null) {
            facets.add(new Facet("region", group("$" + field(breakdown), sums(selection))));
        }
        if (interval != null) {
            facets.add(new Facet("day", group("$" + selection.day(), sums(selection))));
        }
        List<Bson> pipeline = new ArrayList<>(selection.stages());
        pipeline.add(facet(facets));
        return Mono.from(readModel.collection().aggregate(pipeline).first()).map(result -> {
            Map<String, Figures> byChannel = new LinkedHashMap<>();
            for (Channel channel : Channel.values()) {
                byChannel.put(channel.name(), Figures.NONE);
            }
            byChannel.putAll(grouped(result, "channel", UNSPECIFIED));
            Map<String, Figures> byClassification = new LinkedHashMap<>();
            for (Classification classification : Classification.values()) {
                byClassification.put(classification.name(), Figures.NONE);
            }
            byClassification.put(UNCLASSIFIED, Figures.NONE);
            byClassification.putAll(grouped(result, "classification", UNCLASSIFIED));
            Map<String, Figures> total = grouped(result, "total", "total");
            Map<String, Figures> byRegion = breakdown == null ? Map.of() : grouped(result, "region", UNSPECIFIED);
            Map<String, String> names = new TreeMap<>();
            byRegion.keySet().forEach(code -> regions.name(code).ifPresent(name -> names.put(code, name)));
            return new Report(scope, period.from(), period.to(), total.getOrDefault("total", Figures.NONE), byChannel,
                    grouped(result, "category", UNSPECIFIED),
                    byClassification,
                    byRegion,
                    interval == null ? null : rolledUp(grouped(result, "day", UNSPECIFIED), interval),
                    names);
        });
    }

    /** The groups of one facet by key, in key order; a null key (the field is unknown) under {@code nullKey}. */
    private static Map<String, Figures> grouped(Document result, String facet, String nullKey) {
        Map<String, Figures> byKey = new TreeMap<>();
        for (Document group : result.getList(facet, Document.class)) {
            String key = group.get("_id") == null ? nullKey : String.valueOf(group.get("_id"));
            byKey.merge(key, Figures.of(Tally.fromDocument(group)), Figures::plus);
        }
        return byKey;
    }

    /** Days summed into months, quarters or years: tallies add up, so rates and averages stay exact. */
    private static Map<String, Figures> rolledUp(Map<String, Figures> byDay, Interval interval) {
        Map<String, Figures> byPeriod = new TreeMap<>();
        byDay.forEach((day, figures) -> byPeriod.merge(interval.of(day), figures, Figures::plus));
        return byPeriod;
    }

    static List<BsonField> sums(Selection selection) {
        return Tally.FIELDS.stream().map(field -> Accumulators.sum(field, "$" + selection.tally() + "." + field)).toList();
    }

    /**
     * Every region of a level, or every agency, with its figures over the period, ordered by one
     * figure; rows without a value for it (a rate with nothing to divide by) come last.
     */
    Mono<Ranking> ranking(String metric, Ranking.Level level, String within, ReportPeriod period, boolean descending,
            int page, int size) {
        Selection selection;
        String key;
        if (level == Ranking.Level.AGENCY) {
            selection = agencies(period, within);
            key = "$agencies.agency";
        } else {
            RegionCode.Level regionLevel = RegionCode.Level.valueOf(level.name());
            Bson filter = received("submittedOn", period);
            if (within != null) {
                filter = and(eq(field(RegionCode.Level.of(within)), within), filter);
            }
            selection = new Selection(List.of(match(filter)), "");
            key = "$" + field(regionLevel);
        }
        List<Bson> pipeline = new ArrayList<>(selection.stages());
        pipeline.add(group(key, sums(selection)));
        Comparator<Ranking.Row> byValue = Comparator.comparing(Ranking.Row::value,
                Comparator.nullsLast(descending ? Comparator.<Double>reverseOrder() : Comparator.<Double>naturalOrder()));
        return Flux.from(readModel.collection().aggregate(pipeline))
                .filter(group -> group.get("_id") != null)
                .map(group -> {
                    Figures figures = Figures.of(Tally.fromDocument(group));
                    String code = group.getString("_id");
                    String name = level == Ranking.Level.AGENCY ? null : regions.name(code).orElse(null);
                    return new Ranking.Row(0, code, name, figures.metric(metric), figures);
                })
                .collectList()
                .map(rows -> {
                    List<Ranking.Row> sorted = rows.stream()
                            .sorted(byValue.thenComparing(Ranking.Row::code))
                            .toList();
                    List<Ranking.Row> ranked = new ArrayList<>();
                    for (int i = page * size; i < Math.min(sorted.size(), (page + 1) * size); i++) {
                        Ranking.Row row = sorted.get(i);
                        ranked.add(new Ranking.Row(i + 1, row.code(), row.name(), row.value(), row.figures()));
                    }
                    return new Ranking(metric, level.name(), within, period.from(), period.to(),
                            descending ? "desc" : "asc", page, size, sorted.size(), ranked);
                });
    }
}
