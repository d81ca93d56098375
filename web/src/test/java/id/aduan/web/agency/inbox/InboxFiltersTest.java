package id.aduan.web.agency.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InboxFiltersTest {

    @Test
    void onlyTheFiltersFilledInReachTheApi() {
        var filters = new InboxFilters(" pasar ", "", "INFRA.ROAD", null, true, false, "", null, "abc");
        assertThat(filters.query(true).toSingleValueMap())
                .containsExactly(entry("q", "pasar"), entry("category", "INFRA.ROAD"), entry("overdue", "true"), entry("cursor", "abc"));
        assertThat(filters.query(false)).doesNotContainKey("cursor");
    }

    @Test
    void theNextPageKeepsTheFiltersAndTakesTheApisCursor() {
        var filters = new InboxFilters("pasar", null, null, null, null, null, null, null, "old");
        assertThat(filters.nextPage("new").toSingleValueMap()).containsExactly(entry("q", "pasar"), entry("cursor", "new"));
    }

    private static java.util.Map.Entry<String, String> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }
}
