package id.aduan.intake;

import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.Infrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What intake's event store holds, for tests that prove a refused request recorded nothing. */
public final class StoredEvents {

    private StoredEvents() {
    }

    public static long all() {
        return count("SELECT count(*) FROM domain_event_entry");
    }

    public static long about(String complaintId) {
        return count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", complaintId);
    }

    /** Events whose payload (JSON) contains the text, such as a marker written into a description. */
    public static long mentioning(String text) {
        return count("SELECT count(*) FROM domain_event_entry WHERE position(? in convert_from(payload, 'UTF8')) > 0", text);
    }

    /** Every stored event as text (its JSON payload and metadata), or only one complaint's when given. */
    public static List<String> asText(String... complaintId) {
        String text = "SELECT convert_from(payload, 'UTF8') || ' ' || convert_from(coalesce(meta_data, ''::bytea), 'UTF8')"
                + " FROM domain_event_entry";
        return complaintId.length == 0 ? query(text + " ORDER BY global_index")
                : query(text + " WHERE aggregate_identifier = ? ORDER BY sequence_number", complaintId);
    }

    private static long count(String sql, String... parameters) {
        return Long.parseLong(query("SELECT (" + sql + ")::text", parameters).get(0));
    }

    private static List<String> query(String sql, String... parameters) {
        Infrastructure infrastructure = Infrastructure.shared();
        try (Connection connection = DriverManager.getConnection(infrastructure.jdbcUrl(AduanServiceTest.SQL_DATABASE),
                infrastructure.jdbcUsername(), infrastructure.jdbcPassword());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
