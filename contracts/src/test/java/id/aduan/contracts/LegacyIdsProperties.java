package id.aduan.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.NotBlank;

class LegacyIdsProperties {

    @Property
    void theSameLegacyComplaintAlwaysGetsTheSameWellFormedId(@ForAll @NotBlank String sourceApp, @ForAll @NotBlank String legacyId) {
        String id = ComplaintIds.fromLegacy(sourceApp, legacyId);
        assertThat(id).matches(Codes.COMPLAINT_ID).isEqualTo(ComplaintIds.fromLegacy(sourceApp, legacyId));
    }

    @Property
    void theAppNameIsReadWithoutRegardToCaseOrSurroundingSpace(@ForAll("appNames") String sourceApp, @ForAll @NotBlank String legacyId) {
        assertThat(ComplaintIds.fromLegacy(" " + sourceApp.toLowerCase(Locale.ROOT) + " ", legacyId))
                .isEqualTo(ComplaintIds.fromLegacy(sourceApp.toUpperCase(Locale.ROOT), legacyId));
    }

    @Property
    void differentLegacyIdsOfOneAppGetDifferentIds(@ForAll @NotBlank String legacyId) {
        assertThat(ComplaintIds.fromLegacy("APEKESAH", legacyId)).isNotEqualTo(ComplaintIds.fromLegacy("APEKESAH", legacyId + "-1"));
    }

    @Provide
    Arbitrary<String> appNames() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20);
    }
}
