package id.aduan.intake.reporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void theKeyCreatedOnFirstStartIsTheOneReadOnTheNext() throws Exception {
        Path file = dir.resolve("intake/master-keyset.json");
        byte[] sealed = MasterKeyFile.loadOrCreate(file).encrypt("kunci".getBytes(StandardCharsets.UTF_8), new byte[0]);

        Aead again = MasterKeyFile.loadOrCreate(file);

        assertThat(new String(again.decrypt(sealed, new byte[0]), StandardCharsets.UTF_8)).isEqualTo("kunci");
        assertThat(dir.resolve("intake")).isDirectoryNotContaining("glob:**.partial");
    }

    @Test
    void onlyTheOwnerCanReadIt() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path file = dir.resolve("master-keyset.json");

        MasterKeyFile.loadOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
