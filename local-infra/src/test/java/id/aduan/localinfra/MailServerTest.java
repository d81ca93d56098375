package id.aduan.localinfra;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailServerTest {

    @Test
    void keepsWhatItReceivesAndShowsIt() throws Exception {
        try (MailServer server = MailServer.start(0, 0)) {
            Properties smtp = new Properties();
            smtp.put("mail.smtp.host", "localhost");
            smtp.put("mail.smtp.port", String.valueOf(server.smtpPort()));
            MimeMessage message = new MimeMessage(Session.getInstance(smtp));
            message.setFrom(new InternetAddress("aduan@localhost"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("siti@example.id"));
            message.setSubject("Laporan Anda diverifikasi", "UTF-8");
            message.setText("Lacak laporan Anda: <https://aduan.example/lacak/ADU-1>", "UTF-8");
            Transport.send(message);

            assertThat(server.received()).singleElement().satisfies(received -> {
                assertThat(received.to()).containsExactly("siti@example.id");
                assertThat(received.subject()).isEqualTo("Laporan Anda diverifikasi");
                assertThat(received.text()).contains("https://aduan.example/lacak/ADU-1");
            });
            HttpClient http = HttpClient.newHttpClient();
            String page = http.send(HttpRequest.newBuilder(URI.create(server.webUrl())).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains("Laporan Anda diverifikasi").contains("&lt;https://aduan.example/lacak/ADU-1&gt;");
            String json = http.send(HttpRequest.newBuilder(URI.create(server.webUrl() + "api/messages")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(json).contains("\"subject\":\"Laporan Anda diverifikasi\"");

            server.clear();
            assertThat(server.received()).isEmpty();
        }
    }
}
