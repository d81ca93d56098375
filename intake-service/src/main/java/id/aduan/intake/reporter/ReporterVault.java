package id.aduan.intake.reporter;

import id.aduan.intake.complaint.Reporter;
import id.aduan.intake.complaint.SealedReporter;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Where a reporter's identity is encrypted before it enters a command or an event, and decrypted
 * for the few who may see it. A reporter has one key for all their complaints (found by the keyed
 * lookups of their email, phone, NIK or handle); each complaint has its own reporterRef, the only
 * thing published, so that services outside intake cannot link one person's complaints.
 */
public class ReporterVault {

    private final ReporterKeys keys;
    private final IdentityLookups lookups;
    private final ReporterCipher cipher;
    private final Clock clock;

    ReporterVault(ReporterKeys keys, IdentityLookups lookups, ReporterCipher cipher, Clock clock) {
        this.keys = keys;
        this.lookups = lookups;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** A new complaint's reference to its reporter: random, so it says nothing about them. */
    public static String newReference() {
        return "rep-" + UUID.randomUUID();
    }

    public Mono<SealedReporter> seal(Reporter reporter, String reporterRef) {
        return keys.keyFor(lookups.of(reporter), reporterRef, clock.instant())
                .map(key -> new SealedReporter(key.id(), cipher.encrypt(key.aead(), reporter, reporterRef)));
    }

    /** The identity, or empty when it was erased. */
    public Mono<Optional<Reporter>> open(SealedReporter sealed, String reporterRef) {
        return keys.find(sealed.key())
                .map(key -> cipher.decrypt(key.aead(), sealed.ciphertext(), reporterRef))
                .defaultIfEmpty(Optional.empty());
    }
}
