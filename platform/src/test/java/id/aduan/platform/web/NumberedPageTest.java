package id.aduan.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberedPageTest {

    record Letters(int page, int size, long total, List<String> items) implements NumberedPage<String> {
    }

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aPageNamesTheNextUntilTheLast() throws JsonProcessingException {
        JsonNode first = json.readTree(json.writeValueAsString(new Letters(0, 2, 5, List.of("a", "b"))));
        assertThat(first.path("items").size()).isEqualTo(2);
        assertThat(first.path("total").asLong()).isEqualTo(5);
        assertThat(first.path("next").asInt()).isEqualTo(1);

        JsonNode last = json.readTree(json.writeValueAsString(new Letters(2, 2, 5, List.of("e"))));
        assertThat(last.has("next")).isFalse();
        assertThat(json.readTree(json.writeValueAsString(new Letters(0, 2, 0, List.of()))).has("next")).isFalse();
    }
}
