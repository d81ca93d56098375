package id.aduan.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.IndexModel;
import id.aduan.reference.RegionCode;
import id.aduan.reporting.complaints.ComplaintReadModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

/**
 * Every report's first stage and every overdue list selects by fields that lead one of the indexes
 * the read model creates, so real MongoDB answers it from that index (the stand-in ignores
 * non-unique indexes, so this is checked on the definitions), and docs/metrics.md names each index.
 */
class IndexCoverageTest {

    private static final ReportPeriod YEAR = new ReportPeriod(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"));

    @Test
    void everyReportSelectsByTheLeadingFieldsOfAnIndex() {
        Map<String, ReportQueries.Selection> selections = Map.of(
                "national", ReportQueries.national(YEAR),
                "province", ReportQueries.region(RegionCode.Level.PROVINCE, "32", YEAR),
                "regency", ReportQueries.region(RegionCode.Level.REGENCY, "32.73", YEAR),
                "district", ReportQueries.region(RegionCode.Level.DISTRICT, "32.73.01", YEAR),
                "agency", ReportQueries.agency("32.73.DPUPR", YEAR),
                "agency ranking", ReportQueries.agencies(YEAR, "32"));
        List<List<String>> indexes = ComplaintReadModel.INDEXES.stream()
                .map(index -> List.copyOf(index.getKeys().toBsonDocument().keySet()))
                .toList();

        selections.forEach((report, selection) -> {
            List<String> fields = fields(render(selection.stages().get(0)).getDocument("$match"), "");
            assertThat(indexes).as(report + " selects by " + fields)
                    .anySatisfy(index -> assertThat(index.subList(0, Math.min(index.size(), fields.size()))).isEqualTo(fields));
        });
    }

    @Test
    void theOverdueListsSelectByTheLeadingFieldOfAnIndex() {
        List<String> leading = ComplaintReadModel.INDEXES.stream()
                .map(index -> index.getKeys().toBsonDocument().getFirstKey())
                .toList();

        for (String agency : java.util.Arrays.asList(null, "32.73.DPUPR")) {
            List<String> fields = fields(render(OverdueQueries.filter(agency)), "");
            assertThat(leading).as("overdue list of " + agency + " selects by " + fields).contains(fields.get(0));
        }
    }

    /** docs/metrics.md, "Hot path: queries and their indexes", names every index the read model creates. */
    @Test
    void theDocumentationNamesEveryIndex() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "metrics.md"));
        String hotPath = docs.substring(docs.indexOf("## Hot path: queries and their indexes"));

        for (IndexModel index : ComplaintReadModel.INDEXES) {
            String keys = index.getKeys().toBsonDocument().entrySet().stream()
                    .map(key -> key.getKey() + ": " + key.getValue().asNumber().intValue())
                    .collect(Collectors.joining(", ", "`{", "}`"));
            assertThat(hotPath).as("the hot path section names " + keys).contains(keys);
        }
    }

    /** The fields a filter tests, in order, each once; an $elemMatch's inner fields under the array's name. */
    private static List<String> fields(BsonDocument filter, String prefix) {
        LinkedHashSet<String> fields = new LinkedHashSet<>();
        filter.forEach((key, value) -> {
            if (key.equals("$and")) {
                for (BsonValue clause : (BsonArray) value) {
                    fields.addAll(fields(clause.asDocument(), prefix));
                }
            } else if (value.isDocument() && value.asDocument().containsKey("$elemMatch")) {
                fields.addAll(fields(value.asDocument().getDocument("$elemMatch"), prefix + key + "."));
            } else {
                fields.add(prefix + key);
            }
        });
        return new ArrayList<>(fields);
    }

    private static BsonDocument render(Bson stage) {
        return stage.toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry());
    }
}
