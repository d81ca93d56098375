package id.aduan.reporting.publicstatistics;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.aduan.reference.Categories;
import id.aduan.reference.Category;
import id.aduan.reference.IndonesianRegions;
import id.aduan.reference.RegionCode;
import id.aduan.reporting.publicstatistics.PublicStatistics.Bucket;
import id.aduan.reporting.reports.Figures;
import id.aduan.reporting.reports.Report;
import id.aduan.reporting.reports.ReportPeriod;
import id.aduan.reporting.reports.ReportQueries;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One year's public statistics of a scope, from the reports' own query (the same figures coordinators
 * read), with what may not be published withheld. Each answer is kept for
 * {@code aduan.reporting.public-statistics.cache-for}, so a crowd reading the same figures costs one
 * aggregation per scope and year in that time; concurrent first readers share one.
 */
@Component
public class PublicStatisticsQueries {

    private static final String NATIONAL_NAME = "Indonesia";

    private final ReportQueries reports;
    private final Duration cacheFor;
    private final AsyncCache<Query, PublicStatistics> answers;

    /** @param region null nationally, else a province or regency/city code */
    record Query(int year, String region) {
    }

    public PublicStatisticsQueries(ReportQueries reports,
            @Value("${aduan.reporting.public-statistics.cache-for:5m}") Duration cacheFor) {
        this.reports = reports;
        this.cacheFor = cacheFor;
        // Bounded: the keys are checked years and known regions, at most a few thousand answers in use.
        this.answers = Caffeine.newBuilder().expireAfterWrite(cacheFor).maximumSize(2_000).buildAsync();
    }

    /** How long an answer is kept, here and (by Cache-Control) by clients and CDNs. */
    public Duration cacheFor() {
        return cacheFor;
    }

    public Mono<PublicStatistics> statistics(int year, String region) {
        // Not cancelled with one caller's request: other readers may be waiting for the same answer.
        return Mono.fromFuture(() -> answers.get(new Query(year, region), (query, executor) -> compute(query).toFuture()), true);
    }

    private Mono<PublicStatistics> compute(Query query) {
        ReportPeriod period = new ReportPeriod(LocalDate.of(query.year(), 1, 1), LocalDate.of(query.year(), 12, 31));
        Mono<Report> report = query.region() == null
                ? reports.nationalReport(period, ReportPeriod.Interval.MONTH)
                : reports.regionReport(query.region(), period, ReportPeriod.Interval.MONTH);
        return report.map(found -> answer(query, found));
    }

    private PublicStatistics answer(Query query, Report report) {
        IndonesianRegions regions = IndonesianRegions.shipped();
        RegionCode.Level level = query.region() == null ? null : RegionCode.Level.of(query.region());
        String name = query.region() == null ? NATIONAL_NAME : regions.name(query.region()).orElse(null);
        Map<String, Figures> months = new LinkedHashMap<>();
        for (int month = 1; month <= 12; month++) {
            String key = YearMonth.of(query.year(), month).toString();
            months.put(key, report.byPeriod().getOrDefault(key, Figures.NONE));
        }
        Map<String, Figures> categories = everyOne(
                Categories.tree().all().stream().map(Category::code).toList(), report.byCategory());
        Map<String, Bucket> byRegion = Map.of();
        if (level != RegionCode.Level.REGENCY) {
            // Every province nationally, every regency/city of a province: a region without complaints looks like one with few.
            String prefix = query.region() == null ? "" : query.region() + ".";
            int depth = query.region() == null ? 1 : 2;
            List<String> codes = regions.all().keySet().stream()
                    .filter(code -> code.startsWith(prefix) && code.split("\\.").length == depth)
                    .toList();
            byRegion = Suppression.breakdown(everyOne(codes, report.byRegion()), code -> regions.name(code).orElse(null));
        }
        Function<String, String> categoryName = code -> Categories.tree().find(code).map(Category::name).orElse(null);
        return new PublicStatistics(
                new PublicStatistics.Scope(level == null ? "NATIONAL" : level.name(), query.region(), name),
                query.year(), Instant.now(), Suppression.MINIMUM, Suppression.NOTE,
                Suppression.total(report.figures(), name),
                Suppression.breakdown(months, month -> null),
                Suppression.breakdown(categories, categoryName),
                Suppression.breakdown(report.byChannel(), channel -> null),
                byRegion);
    }

    /** A group for every code of the reference list, and for any other code the report has (UNSPECIFIED). */
    private static Map<String, Figures> everyOne(List<String> codes, Map<String, Figures> found) {
        Map<String, Figures> groups = new LinkedHashMap<>();
        codes.forEach(code -> groups.put(code, found.getOrDefault(code, Figures.NONE)));
        new TreeMap<>(found).forEach(groups::putIfAbsent);
        return groups;
    }
}
