package id.aduan.intake.reporter;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.intake.complaint.Reporter;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityLookupsTest {

    private final IdentityLookups lookups = new IdentityLookups(Tink.prf(Tink.newPrfKeyset()));

    @Test
    void theSameIdentifiersWrittenDifferentlyGiveTheSameLookups() {
        List<String> first = lookups.of(new Reporter("Siti", "Siti@Example.id ", "081234567890", "3273014501900002", "@Siti_A"));
        List<String> second = lookups.of(new Reporter("S. Aminah", "siti@example.id", "+62 812-3456-7890", "3273014501900002", "siti_a"));

        assertThat(first).hasSize(4).isEqualTo(second);
    }

    @Test
    void aLookupIsNeitherTheIdentifierNorTheSameUnderAnotherKey() {
        Reporter siti = new Reporter(null, "siti@example.id", "+6281234567890");
        List<String> mine = lookups.of(siti);

        assertThat(mine).allSatisfy(lookup -> assertThat(lookup).matches("[0-9a-f]{64}").doesNotContain("siti", "81234567890"));
        assertThat(new IdentityLookups(Tink.prf(Tink.newPrfKeyset())).of(siti)).doesNotContainAnyElementsOf(mine);
    }

    @Test
    void aNameIsNoLookup() {
        assertThat(lookups.of(new Reporter("Siti Aminah", null, null))).isEmpty();
    }

    @Test
    void findsIdentifiersInAFreeText() {
        List<String> siti = lookups.of(new Reporter("Siti", "siti@example.id", "+6281234567890", "3273014501900002", "@siti_a"));

        assertThat(lookups.inText("Pelapor datang, email Siti@example.id, HP 0812-3456-7890, NIK 3273014501900002, akun @siti_a"))
                .containsAll(siti);
        assertThat(lookups.inText("KTP diperiksa di loket Diskominfo, tiket 2026-117")).doesNotContainAnyElementsOf(siti);
    }
}
