package id.aduan.intake.notification;

import id.aduan.platform.security.HmacSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The link in every notification that stops those of its complaint: the complaint id and an HMAC of it
 * under a secret only intake knows, so nobody can stop another complaint's notifications by guessing.
 */
class UnsubscribeLinks {

    static final String PATH = "/api/v1/notifications/unsubscribe";
    private static final String SEPARATOR = ".";

    private final String secret;
    private final NotificationSettings settings;

    UnsubscribeLinks(String secret, NotificationSettings settings) {
        this.secret = secret;
        this.settings = settings;
    }

    /** The secret in {@code file}, made (256 random bits) when the file does not exist yet. */
    static String loadOrCreateSecret(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    Files.writeString(file, HmacSignature.newSecret(), StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
                } catch (FileAlreadyExistsException madeMeanwhile) {
                    // Another instance made it first: read theirs.
                }
            }
            String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (secret.isEmpty()) {
                throw new IllegalStateException("the unsubscribe link secret in " + file + " is empty");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the unsubscribe link secret " + file, e);
        }
    }

    String token(String complaintId) {
        return complaintId + SEPARATOR + signature(complaintId);
    }

    String link(String complaintId) {
        return UriComponentsBuilder.fromUri(settings.publicBaseUrl()).path(PATH).queryParam("token", token(complaintId))
                .build().toUriString();
    }

    /** The complaint a token stops the notifications of; empty for a token intake did not make. */
    Optional<String> complaintOf(String token) {
        int separator = token == null ? -1 : token.lastIndexOf(SEPARATOR);
        if (separator <= 0) {
            return Optional.empty();
        }
        String complaintId = token.substring(0, separator);
        return HmacSignature.matches(secret, bytes(complaintId), "sha256=" + token.substring(separator + 1))
                ? Optional.of(complaintId) : Optional.empty();
    }

    private String signature(String complaintId) {
        return HmacSignature.sign(secret, bytes(complaintId)).substring("sha256=".length());
    }

    private static byte[] bytes(String complaintId) {
        return ("unsubscribe:" + complaintId).getBytes(StandardCharsets.UTF_8);
    }
}
