package id.aduan.web.console.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ErasureFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void aCompleteRequestOfTodayOrEarlierHasNoErrorsAndAsksFromMidnightInWib() {
        ErasureForm form = new ErasureForm(" rep-1 ", "KTP diperiksa di loket, tiket 2026-117", "2026-12-07");

        assertThat(form.errors(TODAY, key -> key)).isEmpty();
        assertThat(form.reporterRef()).isEqualTo("rep-1");
        assertThat(form.body()).containsEntry("requestedAt", "2026-12-06T17:00:00Z")
                .containsEntry("verification", "KTP diperiksa di loket, tiket 2026-117");
    }

    @Test
    void everyMissingFieldIsNamedAndNothingIsAskedOfTheApi() {
        assertThat(ErasureForm.empty().errors(TODAY, key -> key))
                .containsOnlyKeys("reporterRef", "verification", "requestedAt")
                .containsValue("form.required");
    }

    @Test
    void aRequestDatedInTheFutureOrNotADateIsRefused() {
        assertThat(new ErasureForm("rep-1", "KTP", "2026-12-08").errors(TODAY, key -> key))
                .containsExactlyEntriesOf(java.util.Map.of("requestedAt", "console.erasure.requestedAt.future"));
        assertThat(new ErasureForm("rep-1", "KTP", "07/12/2026").errors(TODAY, key -> key))
                .containsExactlyEntriesOf(java.util.Map.of("requestedAt", "console.erasure.requestedAt.notADate"));
    }

    @Test
    void aVerificationLongerThanTheApiTakesIsRefused() {
        assertThat(new ErasureForm("rep-1", "x".repeat(2001), "2026-12-01").errors(TODAY, key -> key))
                .containsExactlyEntriesOf(java.util.Map.of("verification", "console.erasure.verification.tooLong"));
    }
}
