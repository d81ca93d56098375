package id.aduan.intake.attachments;

import id.aduan.intake.complaint.ReporterSecret;
import id.aduan.intake.tracking.ComplaintViews;
import id.aduan.platform.security.Actor;
import id.aduan.platform.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A file a complaint's submission or follow-up brought, for whoever may see the complaint: open
 * without a token (aduan.security.public-get-paths) and answered as tracking answers, so a file of a
 * complaint the caller may not see is 404 exactly like one that does not exist.
 */
@RestController
class DownloadAttachmentEndpoint {

    private final ComplaintViews views;
    private final AttachmentStore store;

    DownloadAttachmentEndpoint(ComplaintViews views, AttachmentStore store) {
        this.views = views;
        this.store = store;
    }

    /** Always as a download of the type and size it was uploaded with, never shown in the browser's page. */
    @Operation(summary = "Download a complaint's attachment")
    @GetMapping("/api/v1/complaints/{trackingId}/attachments/{attachmentId}")
    Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable String trackingId, @PathVariable String attachmentId,
            @RequestHeader(name = ReporterSecret.HEADER, required = false) String secret,
            @AuthenticationPrincipal Jwt token) {
        return views.findAttachment(trackingId, attachmentId, token == null ? null : Actor.of(token), ReporterSecret.hash(secret))
                .map(attachment -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(attachment.mediaType()))
                        .contentLength(attachment.size())
                        .header(HttpHeaders.CONTENT_DISPOSITION, DownloadName.contentDisposition(attachment.name()))
                        .header("X-Content-Type-Options", "nosniff")
                        .body(store.read(attachment.id())))
                .switchIfEmpty(Mono.error(() -> ProblemResponses.problem(HttpStatus.NOT_FOUND,
                        "No attachment " + attachmentId + " of complaint " + trackingId + ".")));
    }
}
