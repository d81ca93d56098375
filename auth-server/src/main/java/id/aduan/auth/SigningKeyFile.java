package id.aduan.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The RSA key that signs every token, kept as a JWK file so that tokens issued before a restart
 * still validate after it.
 */
final class SigningKeyFile {

    private static final int KEY_SIZE = 2048;

    private SigningKeyFile() {
    }

    /** Reads the key from {@code file}, or generates one and writes it there if the file does not exist. */
    static RSAKey loadOrCreate(Path file) {
        return Files.exists(file) ? read(file) : create(file);
    }

    private static RSAKey read(Path file) {
        try {
            RSAKey key = RSAKey.parse(Files.readString(file));
            if (!key.isPrivate()) {
                throw new IllegalStateException("Signing key file " + file + " holds no private key");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read signing key file " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("Signing key file " + file + " is not an RSA JWK", e);
        }
    }

    private static RSAKey create(Path file) {
        try {
            RSAKey key = new RSAKeyGenerator(KEY_SIZE)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            // Written aside and moved in, so a crash never leaves a half-written key to be read next time.
            Path partial = Files.createTempFile(directory, file.getFileName().toString(), ".partial", ownerOnly(directory));
            Files.writeString(partial, key.toJSONString());
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA signing key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write signing key file " + file, e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path directory) {
        if (!directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }
}
