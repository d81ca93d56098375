package id.aduan.intake.inbox;

import id.aduan.contracts.Channel;
import id.aduan.contracts.Classification;
import id.aduan.contracts.Codes;
import id.aduan.intake.complaint.ComplaintStatus;
import id.aduan.intake.inbox.InboxQuery.Cursor;
import id.aduan.intake.inbox.InboxQuery.Sort;
import id.aduan.platform.web.ProblemResponses;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The query parameters of an inbox list, read and checked: a wrong one is refused with 400
 * problem+json naming it, so a typo never lists the wrong complaints.
 */
final class InboxRequest {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final int MAX_TEXT = 200;
    /** A date alone means that day in western Indonesia (WIB), where most complaints are received. */
    private static final ZoneId DAYS = ZoneId.of("Asia/Jakarta");
    private static final Pattern CATEGORY = Pattern.compile(Codes.CATEGORY);
    private static final Pattern REGION = Pattern.compile(Codes.REGION);
    private static final Pattern AGENCY = Pattern.compile(Codes.AGENCY);

    private final MultiValueMap<String, String> parameters;

    InboxRequest(MultiValueMap<String, String> parameters) {
        this.parameters = parameters;
    }

    /** The filters, order and page asked for, within the scope the caller's role allows. */
    InboxQuery query(Scope scope) {
        Set<ComplaintStatus> statuses = statuses();
        return new InboxQuery(scope.agencyCode(), scope.unitCode(), scope.withUnits(), scope.confidentialShown(), statuses,
                code("category", CATEGORY, "a dot-separated category code such as INFRA.ROAD"),
                code("region", REGION, "a Kemendagri region code such as 32.73"),
                named("channel", Channel.class), named("classification", Classification.class),
                time("receivedFrom", false), time("receivedTo", true), time("dueBefore", false), flag("overdue"), text(),
                sort(), limit(), cursor());
    }

    /** Whose complaints a list may show, as the caller's role decides. */
    record Scope(String agencyCode, String unitCode, boolean withUnits, boolean confidentialShown) {
    }

    String agency() {
        return code("agency", AGENCY, "an agency code such as 32.73.DPUPR");
    }

    String unit() {
        return single("unit");
    }

    boolean includeUnits() {
        return flag("includeUnits");
    }

    Set<ComplaintStatus> statuses() {
        List<String> values = parameters.getOrDefault("status", List.of()).stream()
                .flatMap(value -> Arrays.stream(value.split(","))).map(String::trim).filter(value -> !value.isEmpty()).toList();
        Set<ComplaintStatus> statuses = EnumSet.noneOf(ComplaintStatus.class);
        values.forEach(value -> statuses.add(parse("status", value, ComplaintStatus::valueOf,
                "one of " + Arrays.toString(ComplaintStatus.values()))));
        return statuses;
    }

    private String code(String name, Pattern pattern, String expected) {
        String value = single(name);
        if (value != null && !pattern.matcher(value).matches()) {
            throw ProblemResponses.invalidField(name, "must be " + expected);
        }
        return value;
    }

    private String named(String name, Class<? extends Enum<?>> type) {
        String value = single(name);
        if (value == null) {
            return null;
        }
        boolean known = Arrays.stream(type.getEnumConstants()).anyMatch(constant -> constant.name().equals(value));
        if (!known) {
            throw ProblemResponses.invalidField(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
        return value;
    }

    /** An instant, or a date meaning that day in WIB: from its start, or up to its end when {@code endOfDay}. */
    private Instant time(String name, boolean endOfDay) {
        String value = single(name);
        if (value == null) {
            return null;
        }
        if (value.length() == 10) {
            LocalDate day = parse(name, value, LocalDate::parse, "an instant (2026-02-13T08:00:00Z) or a date (2026-02-13)");
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(DAYS).toInstant().minusNanos(endOfDay ? 1 : 0);
        }
        return parse(name, value, Instant::parse, "an instant (2026-02-13T08:00:00Z) or a date (2026-02-13)");
    }

    private boolean flag(String name) {
        String value = single(name);
        if (value == null) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw ProblemResponses.invalidField(name, "must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private String text() {
        String value = single("q");
        if (value != null && (value.isBlank() || value.length() > MAX_TEXT)) {
            throw ProblemResponses.invalidField("q", "must be 1 to " + MAX_TEXT + " characters");
        }
        return value == null ? null : value.trim();
    }

    private Sort sort() {
        String value = single("sort");
        if (value == null) {
            return Sort.DUE;
        }
        boolean descending = value.startsWith("-");
        String name = (descending ? value.substring(1) : value).toUpperCase(Locale.ROOT) + (descending ? "_DESC" : "");
        return parse("sort", name, Sort::valueOf, "due, -due, received or -received");
    }

    private int limit() {
        String value = single("limit");
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        int limit = parse("limit", value, Integer::parseInt, "a whole number from 1 to " + MAX_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemResponses.invalidField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        return limit;
    }

    private Cursor cursor() {
        String value = single("cursor");
        return value == null ? null : parse("cursor", value, InboxRequest::decode, "a cursor given as a previous page's next");
    }

    /** Opaque to callers: the last row's sort key ({@code -} for none) and complaint id. */
    static String encode(Cursor cursor) {
        String key = cursor.key() == null ? "-" : cursor.key().toString();
        return Base64.getUrlEncoder().withoutPadding().encodeToString((key + " " + cursor.complaintId()).getBytes(StandardCharsets.UTF_8));
    }

    private static Cursor decode(String value) {
        String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split(" ", -1);
        if (parts.length != 2 || !parts[1].matches(Codes.COMPLAINT_ID)) {
            throw new IllegalArgumentException("not a cursor");
        }
        return new Cursor(parts[0].equals("-") ? null : Instant.parse(parts[0]), parts[1]);
    }

    private String single(String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ProblemResponses.invalidField(name, "must be given once");
        }
        return values.get(0).isEmpty() ? null : values.get(0);
    }

    private static <T> T parse(String name, String value, Function<String, T> parser, String expected) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw ProblemResponses.invalidField(name, "must be " + expected);
        }
    }
}
