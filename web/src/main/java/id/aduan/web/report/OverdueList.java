package id.aduan.web.report;

import com.fasterxml.jackson.databind.JsonNode;
import id.aduan.reference.Categories;
import id.aduan.reference.Category;
import id.aduan.web.api.Api;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

/**
 * The complaints overdue now, the longest overdue first, with the clocks that are past due
 * (GET /api/v1/reports/overdue, docs/metrics.md, "Overdue").
 */
@Component
public class OverdueList {

    private final Api api;
    private final Categories categories = Categories.tree();

    OverdueList(Api api) {
        this.api = api;
    }

    /** @param next the next page's number, or null on the last */
    public record Page(String agency, int page, long total, List<Complaint> items, Integer next) {

        public Integer previous() {
            return page > 0 ? page - 1 : null;
        }
    }

    /** @param agency the agency that holds it now; null in the coordinators' queue */
    public record Complaint(String complaintId, String agency, String regionCode, String category, String submittedAt,
            List<Clock> clocks) {
    }

    /** @param agency who must act; null for the national coordinators */
    public record Clock(String kind, String agency, String dueAt) {
    }

    /** @param agency one agency's list, or null for every agency's and the coordinators' */
    public Mono<Page> page(String agency, int page, int size) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        if (agency != null) {
            query.add("agency", agency);
        }
        query.add("page", String.valueOf(page));
        query.add("size", String.valueOf(size));
        return api.client().get().uri(builder -> builder.path("/api/v1/reports/overdue").queryParams(query).build())
                .retrieve().bodyToMono(JsonNode.class)
                .map(answer -> {
                    List<Complaint> items = new ArrayList<>();
                    for (JsonNode item : answer.path("items")) {
                        List<Clock> clocks = new ArrayList<>();
                        for (JsonNode clock : item.path("overdueClocks")) {
                            clocks.add(new Clock(clock.path("kind").asText(), text(clock, "agency"), text(clock, "dueAt")));
                        }
                        String category = text(item, "category");
                        items.add(new Complaint(text(item, "complaintId"), text(item, "agency"), text(item, "regionCode"),
                                category == null ? null : categories.find(category).map(Category::name).orElse(category),
                                text(item, "submittedAt"), clocks));
                    }
                    Integer next = answer.path("next").isNumber() ? answer.path("next").asInt() : null;
                    return new Page(agency, page, answer.path("total").asLong(), items, next);
                });
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
