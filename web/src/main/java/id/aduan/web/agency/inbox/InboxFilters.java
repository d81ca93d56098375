package id.aduan.web.agency.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The inbox's filter form, named as the API names its parameters (docs/inbox.md, "Filters, order, pages"), so that
 * the API's refusal of one lands beside the field of that name. Blank fields are left out of the call.
 *
 * @param includeUnits for an agency admin: also the complaints handed to the agency's units
 */
record InboxFilters(String q, String status, String category, String unit, Boolean overdue, Boolean includeUnits,
        String receivedFrom, String receivedTo, String cursor) {

    /** The query of {@code GET /api/v1/inbox}, without the cursor unless asked for. */
    MultiValueMap<String, String> query(boolean withCursor) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("q", q);
        values.put("status", status);
        values.put("category", category);
        values.put("unit", unit);
        values.put("overdue", Boolean.TRUE.equals(overdue) ? "true" : null);
        values.put("includeUnits", Boolean.TRUE.equals(includeUnits) ? "true" : null);
        values.put("receivedFrom", receivedFrom);
        values.put("receivedTo", receivedTo);
        if (withCursor) {
            values.put("cursor", cursor);
        }
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        values.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                query.add(name, value.trim());
            }
        });
        return query;
    }

    /** The same filters on the page after this one. */
    MultiValueMap<String, String> nextPage(String next) {
        MultiValueMap<String, String> query = query(false);
        query.add("cursor", next);
        return query;
    }
}
