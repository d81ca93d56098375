package id.aduan.localinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @TempDir
    Path dataDir;

    @Test
    void aRowCommittedBeforeAStopIsThereAfterARestart() throws SQLException {
        Path data = dataDir.resolve("postgres");
        try (PostgresServer postgres = PostgresServer.start(data, 0, true);
             Connection connection = connect(postgres.jdbcUrl("aduan_test"));
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE complaints (id TEXT PRIMARY KEY, status TEXT NOT NULL)");
            sql.execute("INSERT INTO complaints VALUES ('ADU-3F7KQ9M2XD', 'SUBMITTED')");
        }

        try (PostgresServer postgres = PostgresServer.start(data, 0, true);
             Connection connection = connect(postgres.jdbcUrl("aduan_test"));
             Statement sql = connection.createStatement();
             ResultSet found = sql.executeQuery("SELECT status FROM complaints WHERE id = 'ADU-3F7KQ9M2XD'")) {
            assertThat(found.next()).isTrue();
            assertThat(found.getString("status")).isEqualTo("SUBMITTED");
        }
    }

    @Test
    void eachDatabaseNameIsADatabaseOfItsOwn() throws SQLException {
        try (PostgresServer postgres = PostgresServer.start(dataDir.resolve("postgres"), 0, false);
             Connection one = connect(postgres.jdbcUrl("one"));
             Connection other = connect(postgres.jdbcUrl("other"));
             Statement inOne = one.createStatement();
             Statement inOther = other.createStatement()) {
            inOne.execute("CREATE TABLE keys (id TEXT PRIMARY KEY)");

            ResultSet absent = inOther.executeQuery("SELECT to_regclass('keys') IS NULL");
            absent.next();
            assertThat(absent.getBoolean(1)).isTrue();
            assertThat(postgres.jdbcUrl("one")).isEqualTo(postgres.jdbcUrl("one"));
        }
    }

    @Test
    void aTakenPortFailsTheStartWithAPlainMessage() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> PostgresServer.start(dataDir.resolve("postgres"), taken.getLocalPort(), false))
                    .hasMessageContaining("port " + taken.getLocalPort() + " for PostgreSQL is already in use");
        }
    }

    @Test
    void aNameThatIsNotPlainIsRefused() {
        try (PostgresServer postgres = PostgresServer.start(dataDir.resolve("postgres"), 0, false)) {
            assertThatThrownBy(() -> postgres.jdbcUrl("x; DROP DATABASE postgres"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, PostgresServer.USER, "");
    }
}
