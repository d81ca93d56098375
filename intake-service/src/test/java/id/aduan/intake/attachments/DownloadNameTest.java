package id.aduan.intake.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownloadNameTest {

    @Test
    void aPlainNameIsKeptAsItIs() {
        assertThat(DownloadName.contentDisposition("foto-jalan_1.jpg"))
                .isEqualTo("attachment; filename=\"foto-jalan_1.jpg\"; filename*=UTF-8''foto-jalan_1.jpg");
    }

    @Test
    void directoriesQuotesAndControlCharactersNeverGetThrough() {
        assertThat(DownloadName.contentDisposition("../..\\etc/\"pass\r\nwd\"\u0000.pdf"))
                .isEqualTo("attachment; filename=\"....etcpasswd.pdf\"; filename*=UTF-8''....etcpasswd.pdf");
        assertThat(DownloadName.contentDisposition("foto\u202Egnp.exe"))
                .isEqualTo("attachment; filename=\"fotognp.exe\"; filename*=UTF-8''fotognp.exe");
        assertThat(DownloadName.contentDisposition("\"/..\"")).isEqualTo("attachment; filename=\"attachment\"; filename*=UTF-8''attachment");
    }

    @Test
    void aNonAsciiNameIsSentInUtf8WithAnAsciiFallback() {
        assertThat(DownloadName.contentDisposition("Surat Kepala Dinas; ñ%€.pdf"))
                .isEqualTo("attachment; filename=\"Surat Kepala Dinas; _%_.pdf\"; "
                        + "filename*=UTF-8''Surat%20Kepala%20Dinas%3B%20%C3%B1%25%E2%82%AC.pdf");
    }
}
