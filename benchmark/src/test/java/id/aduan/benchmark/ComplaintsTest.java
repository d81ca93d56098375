package id.aduan.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ComplaintsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Complaints complaints = Complaints.from(Path.of("..").toAbsolutePath().normalize());

    @Test
    void theLoadIsDistinctComplaintsOverEveryProvinceCategoryAndAppChannel() {
        List<JsonNode> sent = LongStream.range(0, 10_000).mapToObj(n -> read(complaints.next())).toList();

        assertThat(sent).extracting(c -> c.path("title").asText() + c.path("description").asText()).doesNotHaveDuplicates();
        assertThat(sent.stream().map(c -> c.path("location").path("regionCode").asText().substring(0, 2)).distinct()).hasSize(38);
        assertThat(sent.stream().map(c -> c.path("categoryCode").asText()).distinct()).hasSize(complaints.categoryCount());
        assertThat(sent.stream().map(c -> c.path("channel").asText()).distinct()).containsExactlyInAnyOrder("WEB", "MOBILE_APP");
        assertThat(sent).allSatisfy(c -> assertThat(c.path("location").path("regionCode").asText()).matches("\\d{2}\\.\\d{2}\\.\\d{2}"));
    }

    @Test
    void aSeedHistoryStopsAfterSubmissionAndIsTheSameComplaint() {
        JsonNode history = read(complaints.history(42, "2026-01-05T02:00:00Z"));

        assertThat(history.path("legacyId").asText()).isEqualTo("42");
        assertThat(history.path("submittedAt").asText()).isEqualTo("2026-01-05T02:00:00Z");
        assertThat(history.has("verification")).isFalse();
        assertThat(history.path("title").asText()).isEqualTo(read(complaints.body(42)).path("title").asText());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }
}
