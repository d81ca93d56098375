package id.aduan.intake.complaint;

/**
 * The reporter's identity as intake stores it: encrypted with the reporter's own key, so that
 * deleting that key (erasure) makes it unreadable everywhere it was copied, the event store included.
 *
 * @param key the id of the reporter's key in intake's key store
 * @param ciphertext the {@link Reporter}, encrypted (AES-256-GCM, Tink) with the complaint's reporterRef as
 *     associated data, Base64
 */
public record SealedReporter(String key, String ciphertext) {
}
