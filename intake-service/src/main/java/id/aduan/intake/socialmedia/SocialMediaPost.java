package id.aduan.intake.socialmedia;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A post to @lapor1708 on X/Twitter as the social-media gateway forwards it.
 *
 * @param postId the platform's id of the post or message; the same id is the same post, forwarded again
 * @param authorHandle the author's handle, with or without the {@code @}
 */
record SocialMediaPost(
        @NotBlank @Size(max = 100) String postId,
        @NotNull Kind kind,
        @NotBlank @Pattern(regexp = "^@?[A-Za-z0-9_]{1,15}$", message = "must be an X handle such as @warga_bandung")
        String authorHandle,
        @NotNull @Size(max = 10_000) String text,
        @NotNull Instant createdAt) {

    enum Kind {
        MENTION,
        DIRECT_MESSAGE
    }

    String handle() {
        return authorHandle.startsWith("@") ? authorHandle : "@" + authorHandle;
    }
}
