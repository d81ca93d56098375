package id.aduan.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void createsAnRs256SigningKeyAndReadsItBack() {
        Path file = dir.resolve("auth/signing-key.json");

        RSAKey created = SigningKeyFile.loadOrCreate(file);

        assertThat(created.isPrivate()).isTrue();
        assertThat(created.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(created.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(created.size()).isEqualTo(2048);
        assertThat(SigningKeyFile.loadOrCreate(file)).isEqualTo(created);
        assertThat(dir.resolve("auth")).isDirectoryNotContaining("glob:**.partial");
    }

    @Test
    void onlyTheOwnerCanReadTheKeyFile() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path file = dir.resolve("signing-key.json");

        SigningKeyFile.loadOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void refusesAFileWithoutThePrivateKey() throws Exception {
        Path file = dir.resolve("signing-key.json");
        Files.writeString(file, SigningKeyFile.loadOrCreate(dir.resolve("other.json")).toPublicJWK().toJSONString());

        assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no private key");
    }
}
