package id.aduan.intake.notification;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.intake.complaint.Reporter;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final Reporter SITI = new Reporter("Siti <Rahayu>", "siti@example.id", null);
    /** Every detail any step has. */
    private static final Map<String, String> DETAILS = Map.of("agency", "32.73.DPUPR", "question", "Di mana?", "text", "Ditambal.",
            "reason", "OTHER", "note", "", "dueAt", "2026-03-26");
    private static final NotificationLog.Due ARCHIVED = new NotificationLog.Due("e-1", Channel.EMAIL, "ADU-3F7KQ9M2XD",
            Step.ARCHIVED, Map.of("reason", "DUPLICATE", "note", "Sama dengan ADU-2"), 1, "lease");

    @Test
    void everyStepHasItsSubjectBodyAndShortTextInBothLanguages() {
        for (Locale language : new Locale[] {Locale.forLanguageTag("id"), Locale.ENGLISH}) {
            Messages messages = messages(language);
            for (Step step : Step.values()) {
                Message message = messages.render(new NotificationLog.Due("e", Channel.SMS, "ADU-1", step, DETAILS, 1, "l"), SITI);
                assertThat(message.subject()).as(step + " " + language).contains("ADU-1").doesNotContain("{");
                assertThat(message.shortText()).as(step + " " + language).contains("ADU-1");
                assertThat(message.text()).as(step + " " + language).doesNotContain("{")
                        .contains("https://aduan.example.go.id/api/v1/complaints/ADU-1", "/api/v1/notifications/unsubscribe?token=ADU-1.");
            }
        }
    }

    @Test
    void theArchiveReasonIsSaidInTheReportersLanguageAndTheHtmlEscapesWhatItQuotes() {
        Message indonesian = messages(Locale.forLanguageTag("id")).render(ARCHIVED, SITI);
        assertThat(indonesian.text()).startsWith("Yth. Siti <Rahayu>,").contains("Alasan: laporan yang sama sudah ada.",
                "Sama dengan ADU-2");
        assertThat(indonesian.html()).contains("Yth. Siti &lt;Rahayu&gt;,")
                .contains("<a href=\"https://aduan.example.go.id/api/v1/complaints/ADU-3F7KQ9M2XD\">");
        assertThat(indonesian.id()).isEqualTo("e-1.email");

        Message english = messages(Locale.ENGLISH).render(ARCHIVED, new Reporter(null, "siti@example.id", null));
        assertThat(english.text()).startsWith("Dear reporter,").contains("Reason: the same complaint already exists.");
    }

    @Test
    void anUnsubscribeTokenNamesItsComplaintOnlyWhenIntakeMadeIt() {
        UnsubscribeLinks links = new UnsubscribeLinks("secret", settings(Locale.ENGLISH));
        String token = links.token("ADU-3F7KQ9M2XD");
        assertThat(links.complaintOf(token)).contains("ADU-3F7KQ9M2XD");
        assertThat(links.complaintOf(token.replace("ADU-3F7KQ9M2XD", "ADU-3F7KQ9M2XE"))).isEmpty();
        assertThat(new UnsubscribeLinks("another", settings(Locale.ENGLISH)).complaintOf(token)).isEmpty();
        assertThat(links.complaintOf("ADU-3F7KQ9M2XD")).isEmpty();
        assertThat(links.complaintOf(null)).isEmpty();
    }

    private static Messages messages(Locale language) {
        NotificationSettings settings = settings(language);
        return new Messages(settings, new UnsubscribeLinks("secret", settings));
    }

    private static NotificationSettings settings(Locale language) {
        return new NotificationSettings(true, URI.create("https://aduan.example.go.id"), language, null,
                new NotificationSettings.Mail("Aduan <no-reply@aduan.example.go.id>"),
                new NotificationSettings.Outbound(null, null, null), new NotificationSettings.Outbound(null, null, null),
                null);
    }
}
