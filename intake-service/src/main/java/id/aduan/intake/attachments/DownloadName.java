package id.aduan.intake.attachments;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of a download (RFC 6266): {@code filename} in plain ASCII for old
 * clients, {@code filename*} in UTF-8 (RFC 5987) for the name as uploaded. Whatever the name holds,
 * no directory, quote, backslash, control character or invisible formatting (such as a right-to-left
 * override that shows "gnp.exe" as "exe.png") gets through.
 */
final class DownloadName {

    private DownloadName() {
    }

    static String contentDisposition(String name) {
        String safe = name.codePoints()
                .filter(c -> c != '/' && c != '\\' && c != '"' && !Character.isISOControl(c)
                        && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (safe.isEmpty() || safe.chars().allMatch(c -> c == '.')) {
            safe = "attachment";
        }
        String ascii = safe.codePoints().map(c -> c < 0x20 || c > 0x7E ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncoded(safe);
    }

    /** RFC 5987 ext-value: attr-chars as they are, every other byte of the UTF-8 encoding as %XX. */
    private static String percentEncoded(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (Character.isLetterOrDigit(c) && c < 0x80 || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return encoded.toString();
    }
}
