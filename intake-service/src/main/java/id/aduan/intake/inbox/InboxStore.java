package id.aduan.intake.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.contracts.SlaClockStarted.ClockKind;
import id.aduan.intake.complaint.ComplaintStatus;
import id.aduan.intake.inbox.InboxQuery.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code complaint_inbox} table in intake's PostgreSQL (docs/inbox.md). Every event changes one
 * row by its complaint id: the row is locked, its entry or clocks folded with the event, and the
 * listed columns derived again from both, so intake's events and sla's clock events, arriving on
 * different threads, never overwrite each other.
 */
@Component
class InboxStore {

    private static final String COLUMNS = """
            complaint_id, title, status, category_code, region_code, channel, classification, agency_code, unit_code,
            received_at, next_due_at, next_clock, clock_paused""";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    InboxStore(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** In the caller's transaction when there is one (a tracking processor's, with its token), else in its own. */
    void changeEntry(String complaintId, UnaryOperator<InboxEntry> change) {
        transactions.executeWithoutResult(transaction -> change(complaintId, state -> state.withEntry(change.apply(state.entry()))));
    }

    void changeClocks(String complaintId, UnaryOperator<ClockSet> change) {
        transactions.executeWithoutResult(transaction -> change(complaintId, state -> state.withClocks(change.apply(state.clocks()))));
    }

    /** A complaint's clocks as the inbox knows them; none before sla's first event about it. */
    ClockSet clocks(String complaintId) {
        List<String> clocks = jdbc.queryForList("SELECT clocks FROM complaint_inbox WHERE complaint_id = :id",
                new MapSqlParameterSource("id", complaintId), String.class);
        return clocks.isEmpty() ? ClockSet.NONE : read(clocks.get(0), ClockSet.class, ClockSet.NONE);
    }

    /** The next running deadline of each of these complaints that has one (InboxRow's nextDueAt). */
    Map<String, Instant> nextDue(Collection<String> complaintIds) {
        Map<String, Instant> due = new HashMap<>();
        if (!complaintIds.isEmpty()) {
            jdbc.query("SELECT complaint_id, next_due_at FROM complaint_inbox WHERE complaint_id IN (:ids) AND next_due_at IS NOT NULL",
                    new MapSqlParameterSource("ids", complaintIds),
                    row -> {
                        due.put(row.getString("complaint_id"), instant(row, "next_due_at"));
                    });
        }
        return due;
    }

    /** Forgets what intake's events said, for a replay of them from the start; the clocks stay. */
    void forgetEntries() {
        transactions.executeWithoutResult(transaction -> {
            jdbc.getJdbcTemplate().update("DELETE FROM complaint_inbox WHERE clocks IS NULL");
            jdbc.getJdbcTemplate().update("UPDATE complaint_inbox SET entry = NULL, listed = FALSE");
        });
    }

    record Page(List<InboxRow> rows, long total, Cursor next) {
    }

    Page find(InboxQuery query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String conditions = conditions(query, parameters);
        Long total = jdbc.queryForObject("SELECT count(*) FROM complaint_inbox WHERE " + conditions, parameters, Long.class);
        List<Keyed> keyed = jdbc.query(select(query, conditions, parameters, query.after()) + " LIMIT :limit",
                parameters.addValue("limit", query.limit() + 1), this::keyed);
        boolean more = keyed.size() > query.limit();
        List<Keyed> page = more ? keyed.subList(0, query.limit()) : keyed;
        Cursor next = more ? page.get(page.size() - 1).cursor() : null;
        return new Page(page.stream().map(Keyed::row).toList(), total == null ? 0 : total, next);
    }

    /** Every row the query takes, a page at a time, in its order: for exports. */
    void forEach(InboxQuery query, Consumer<InboxRow> each) {
        Cursor after = query.after();
        while (true) {
            MapSqlParameterSource parameters = new MapSqlParameterSource();
            String conditions = conditions(query, parameters);
            List<Keyed> keyed = jdbc.query(select(query, conditions, parameters, after) + " LIMIT 1000", parameters, this::keyed);
            keyed.forEach(row -> each.accept(row.row()));
            if (keyed.size() < 1000) {
                return;
            }
            after = keyed.get(keyed.size() - 1).cursor();
        }
    }

    private record Keyed(InboxRow row, Cursor cursor) {
    }

    private record State(InboxEntry entry, ClockSet clocks) {

        State withEntry(InboxEntry changed) {
            return new State(changed, clocks);
        }

        State withClocks(ClockSet changed) {
            return new State(entry, changed);
        }
    }

    private void change(String complaintId, UnaryOperator<State> change) {
        MapSqlParameterSource id = new MapSqlParameterSource("id", complaintId);
        jdbc.update("INSERT INTO complaint_inbox (complaint_id) VALUES (:id) ON CONFLICT DO NOTHING", id);
        State current = jdbc.queryForObject("SELECT entry, clocks FROM complaint_inbox WHERE complaint_id = :id FOR UPDATE", id,
                (row, number) -> new State(read(row.getString("entry"), InboxEntry.class, InboxEntry.EMPTY),
                        read(row.getString("clocks"), ClockSet.class, ClockSet.NONE)));
        State changed = change.apply(current);
        if (changed.equals(current)) {
            return;
        }
        InboxEntry entry = changed.entry();
        Optional<InboxRow> row = InboxRow.of(complaintId, entry, changed.clocks(), clock.instant());
        jdbc.update("""
                UPDATE complaint_inbox SET entry = CAST(:entry AS JSONB), clocks = CAST(:clocks AS JSONB), listed = :listed,
                  title = :title, description = :description, status = :status, category_code = :category,
                  region_code = :region, channel = :channel, classification = :classification, confidential = :confidential,
                  agency_code = :agency, unit_code = :unit, received_at = :received, next_due_at = :due, next_clock = :clock,
                  due_order = COALESCE(:due, 'infinity'::timestamptz), clock_paused = :paused
                WHERE complaint_id = :id""", id
                .addValue("entry", write(entry)).addValue("clocks", write(changed.clocks()))
                .addValue("listed", row.isPresent()).addValue("description", entry.description())
                .addValue("confidential", Boolean.TRUE.equals(entry.confidential().value()))
                .addValue("title", row.map(InboxRow::title).orElse(null))
                .addValue("status", row.map(listed -> listed.status().name()).orElse(null))
                .addValue("category", row.map(InboxRow::categoryCode).orElse(null))
                .addValue("region", row.map(InboxRow::regionCode).orElse(null))
                .addValue("channel", row.map(InboxRow::channel).orElse(null))
                .addValue("classification", row.map(InboxRow::classification).orElse(null))
                .addValue("agency", row.map(InboxRow::agencyCode).orElse(null))
                .addValue("unit", row.map(InboxRow::unitCode).orElse(null))
                .addValue("received", row.map(listed -> time(listed.receivedAt())).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("due", row.map(listed -> time(listed.nextDueAt())).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("clock", row.map(listed -> listed.nextClock() == null ? null : listed.nextClock().name()).orElse(null))
                .addValue("paused", row.map(InboxRow::clockPaused).orElse(false)));
    }

    private String conditions(InboxQuery query, MapSqlParameterSource parameters) {
        List<String> conditions = new ArrayList<>(List.of("listed"));
        if (query.agencyCode() != null) {
            conditions.add("agency_code = :agency");
            parameters.addValue("agency", query.agencyCode());
            if (!query.withUnits() && query.unitCode() == null) {
                conditions.add("unit_code IS NULL");
            }
        }
        if (query.unitCode() != null) {
            conditions.add("unit_code = :unit");
            parameters.addValue("unit", query.unitCode());
        }
        if (!query.confidentialShown()) {
            conditions.add("NOT confidential");
        }
        if (!query.statuses().isEmpty()) {
            conditions.add("status IN (:statuses)");
            parameters.addValue("statuses", query.statuses().stream().map(ComplaintStatus::name).toList());
        }
        within("category_code", "category", query.categoryCode(), conditions, parameters);
        within("region_code", "region", query.regionCode(), conditions, parameters);
        if (query.channel() != null) {
            conditions.add("channel = :channel");
            parameters.addValue("channel", query.channel());
        }
        if (query.classification() != null) {
            conditions.add("classification = :classification");
            parameters.addValue("classification", query.classification());
        }
        if (query.receivedFrom() != null) {
            conditions.add("received_at >= :receivedFrom");
            parameters.addValue("receivedFrom", time(query.receivedFrom()));
        }
        if (query.receivedTo() != null) {
            conditions.add("received_at <= :receivedTo");
            parameters.addValue("receivedTo", time(query.receivedTo()));
        }
        if (query.dueBefore() != null) {
            conditions.add("next_due_at < :dueBefore");
            parameters.addValue("dueBefore", time(query.dueBefore()));
        }
        if (query.overdueOnly()) {
            conditions.add("next_due_at < :now");
            parameters.addValue("now", time(clock.instant()));
        }
        if (query.text() != null) {
            conditions.add("(title ILIKE :text ESCAPE '\\' OR description ILIKE :text ESCAPE '\\')");
            parameters.addValue("text", "%" + query.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return String.join(" AND ", conditions);
    }

    /** A code and every code below it: codes nest by dots ({@code 32} holds {@code 32.73}, {@code INFRA} holds {@code INFRA.ROAD}). */
    private static void within(String column, String name, String code, List<String> conditions, MapSqlParameterSource parameters) {
        if (code != null) {
            conditions.add("(" + column + " = :" + name + " OR " + column + " LIKE :" + name + "Below)");
            parameters.addValue(name, code).addValue(name + "Below", code + ".%");
        }
    }

    private String select(InboxQuery query, String conditions, MapSqlParameterSource parameters, Cursor after) {
        String column = query.sort().column;
        String direction = query.sort().descending ? "DESC" : "ASC";
        String where = conditions;
        if (after != null) {
            where += " AND (" + column + ", complaint_id) " + (query.sort().descending ? "<" : ">") + " (:afterKey, :afterId)";
            parameters.addValue("afterKey", afterKey(after)).addValue("afterId", after.complaintId());
        }
        return "SELECT " + COLUMNS + ", " + column + " AS sort_key FROM complaint_inbox WHERE "
                + where + " ORDER BY " + column + " " + direction + ", complaint_id " + direction;
    }

    private Keyed keyed(ResultSet row, int number) throws SQLException {
        Instant due = instant(row, "next_due_at");
        String clockKind = row.getString("next_clock");
        InboxRow listed = new InboxRow(row.getString("complaint_id"), row.getString("title"),
                ComplaintStatus.valueOf(row.getString("status")), row.getString("category_code"), row.getString("region_code"),
                row.getString("channel"), row.getString("classification"), row.getString("agency_code"),
                row.getString("unit_code"), instant(row, "received_at"), due,
                clockKind == null ? null : ClockKind.valueOf(clockKind), row.getBoolean("clock_paused"),
                due != null && due.isBefore(clock.instant()));
        OffsetDateTime key = row.getObject("sort_key", OffsetDateTime.class);
        return new Keyed(listed, new Cursor(key == null || key.equals(OffsetDateTime.MAX) ? null : key.toInstant(),
                listed.trackingId()));
    }

    /** A cursor's key; none stands for the end of time, where rows without a running clock sort. */
    private static OffsetDateTime afterKey(Cursor after) {
        return after.key() == null ? OffsetDateTime.MAX : time(after.key());
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private <T> T read(String text, Class<T> type, T absent) {
        try {
            return text == null ? absent : json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("inbox row unreadable as " + type.getSimpleName(), e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("inbox state not writable", e);
        }
    }
}
