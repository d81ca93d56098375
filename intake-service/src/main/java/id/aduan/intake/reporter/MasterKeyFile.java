package id.aduan.intake.reporter;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/**
 * The master key (key-encryption key) that every reporter's key is stored under, as a Tink JSON
 * keyset file, created on first start. This is the embedded default; in production the master key
 * lives in a KMS and never leaves it (Tink's KMS clients give the same {@link Aead}): see
 * docs/personal-data.md.
 */
final class MasterKeyFile {

    private MasterKeyFile() {
    }

    static Aead loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return Tink.aead(TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the master key file " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The master key file " + file + " is not a Tink keyset", e);
        }
    }

    /** Written aside and moved in without replacing, so two first starts cannot leave different keys. */
    private static void create(Path file) throws IOException, GeneralSecurityException {
        KeysetHandle keyset = Tink.newAeadKeyset();
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path partial = Files.createTempFile(directory, "master-keyset", ".partial", ownerOnly);
        try {
            Files.writeString(partial, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
            Files.move(partial, file);
        } catch (FileAlreadyExistsException anotherStartWroteItFirst) {
            // Its key is the one to use.
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
