package id.aduan.intake.reporter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.Aead;
import id.aduan.intake.complaint.Reporter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a reporter gives, the sealed form gives it back with the right key and reference, and nothing of it otherwise. */
class ReporterCipherProperties {

    private static final Aead KEY = Tink.aead(Tink.newAeadKeyset());
    private static final Aead OTHER_KEY = Tink.aead(Tink.newAeadKeyset());
    private final ReporterCipher cipher = new ReporterCipher(new ObjectMapper());

    @Provide
    Arbitrary<Reporter> reporters() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMinLength(0).ofMaxLength(120).injectNull(0.2);
        Arbitrary<String> email = Arbitraries.strings().alpha().numeric().withChars("._-").ofMinLength(1).ofMaxLength(30)
                .map(local -> local + "@example.id").injectNull(0.2);
        Arbitrary<String> phone = Arbitraries.strings().numeric().ofMinLength(8).ofMaxLength(15).map(digits -> "+62" + digits).injectNull(0.2);
        Arbitrary<String> nik = Arbitraries.strings().numeric().ofLength(16).injectNull(0.3);
        Arbitrary<String> handle = Arbitraries.strings().alpha().numeric().withChars('_').ofMinLength(1).ofMaxLength(15)
                .map(name -> "@" + name).injectNull(0.5);
        return Combinators.combine(text, email, phone, nik, handle).as(Reporter::new);
    }

    @Provide
    Arbitrary<String> references() {
        return Arbitraries.create(ReporterVault::newReference);
    }

    @Property
    void theIdentityComesBackExactlyWithTheKeyAndReferenceItWasSealedWith(
            @ForAll("reporters") Reporter reporter, @ForAll("references") String reference) {
        String sealed = cipher.encrypt(KEY, reporter, reference);

        assertThat(cipher.decrypt(KEY, sealed, reference)).contains(reporter);
    }

    @Property
    void theCiphertextContainsNoneOfTheIdentity(@ForAll("reporters") Reporter reporter, @ForAll("references") String reference) {
        String sealed = cipher.encrypt(KEY, reporter, reference);
        String raw = new String(Base64.getDecoder().decode(sealed), StandardCharsets.ISO_8859_1);

        Stream.of(reporter.name(), reporter.email(), reporter.phone(), reporter.nik(), reporter.socialMediaHandle())
                // Shorter values occur in random bytes by chance.
                .filter(value -> value != null && value.length() >= 6)
                .forEach(value -> {
                    assertThat(sealed).doesNotContain(value);
                    assertThat(raw).doesNotContain(value);
                });
    }

    @Property
    void anotherKeyOrAnotherComplaintsReferenceOpensNothing(
            @ForAll("reporters") Reporter reporter, @ForAll("references") String reference, @ForAll("references") String other) {
        String sealed = cipher.encrypt(KEY, reporter, reference);

        assertThat(cipher.decrypt(OTHER_KEY, sealed, reference)).isEmpty();
        assertThat(cipher.decrypt(KEY, sealed, other)).isEmpty();
    }

    @Property(tries = 200)
    void sealingTheSameIdentityTwiceGivesDifferentCiphertexts(@ForAll("reporters") Reporter reporter, @ForAll("references") String reference) {
        assertThat(cipher.encrypt(KEY, reporter, reference)).isNotEqualTo(cipher.encrypt(KEY, reporter, reference));
    }
}
