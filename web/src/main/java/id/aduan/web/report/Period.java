package id.aduan.web.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The period a report or ranking covers, as the filter form sends it: ISO dates {@code from} and {@code to}
 * (both included, either may be empty: all time) and the {@code interval} of the by-period breakdown. The API
 * checks them and names the field at fault (docs/metrics.md, "Periods and time zones").
 */
public record Period(String from, String to, String interval) {

    /** Every complaint since the start, without a breakdown by period. */
    public static final Period ALL_TIME = new Period(null, null, null);

    public static final List<String> INTERVALS = List.of("day", "month", "quarter", "year");

    public Period {
        from = blankToNull(from);
        to = blankToNull(to);
        interval = blankToNull(interval);
    }

    /** The query parameters that carry the period, to the API and on links between report pages. */
    public MultiValueMap<String, String> query() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("from", from);
        values.put("to", to);
        values.put("interval", interval);
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        values.forEach((name, value) -> {
            if (value != null) {
                query.add(name, value);
            }
        });
        return query;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
