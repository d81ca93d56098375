package id.aduan.intake.reporter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.Aead;
import id.aduan.intake.complaint.Reporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

/**
 * Encrypts a reporter's identity with their key. The complaint's reporterRef is the associated
 * data: a ciphertext copied onto another complaint does not decrypt there.
 */
final class ReporterCipher {

    private final ObjectMapper json;

    ReporterCipher(ObjectMapper json) {
        this.json = json;
    }

    String encrypt(Aead key, Reporter reporter, String reporterRef) {
        try {
            return Base64.getEncoder().encodeToString(key.encrypt(json.writeValueAsBytes(reporter), associatedData(reporterRef)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a reporter's identity", e);
        }
    }

    /** The identity, or nothing when the ciphertext was not made with this key for this reference. */
    Optional<Reporter> decrypt(Aead key, String ciphertext, String reporterRef) {
        try {
            byte[] plain = key.decrypt(Base64.getDecoder().decode(ciphertext), associatedData(reporterRef));
            return Optional.of(json.readValue(plain, Reporter.class));
        } catch (GeneralSecurityException | IllegalArgumentException | IOException e) {
            // Deliberately without the cause's message: nothing about the identity goes into logs.
            return Optional.empty();
        }
    }

    private static byte[] associatedData(String reporterRef) {
        return reporterRef.getBytes(StandardCharsets.UTF_8);
    }
}
