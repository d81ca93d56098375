package id.aduan.intake.attachments;

import id.aduan.intake.complaint.Submission.Attachment;
import id.aduan.intake.web.RejectedInput;
import id.aduan.platform.web.ProblemType;
import id.aduan.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class UploadAttachmentEndpoint {

    private final Attachments attachments;

    UploadAttachmentEndpoint(Attachments attachments) {
        this.attachments = attachments;
    }

    /**
     * One file in the multipart part {@code file}; the answer's id goes in a submission's or a follow-up's
     * attachmentIds. An upload attached to no complaint is deleted after aduan.attachments.orphans-kept-for.
     */
    @Operation(summary = "Upload a file to attach to a complaint or a follow-up")
    @Problems(ProblemType.RATE_LIMITED)
    @ApiResponse(responseCode = "201", description = "Stored: the id to attach it by", useReturnTypeSchema = true)
    @PostMapping(path = "/api/v1/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('CITIZEN', 'COORDINATOR', 'AGENCY', 'LIAISON_OFFICER')")
    Mono<ResponseEntity<Attachment>> upload(@RequestPart("file") FilePart file, @AuthenticationPrincipal Jwt caller) {
        MediaType type = file.headers().getContentType();
        String mediaType = type == null ? null : type.getType() + "/" + type.getSubtype();
        // Joined with a limit: an oversized upload is refused without being held whole in memory.
        return DataBufferUtils.join(file.content(), attachments.maxBytes())
                .onErrorMap(DataBufferLimitException.class, e -> new RejectedInput(HttpStatus.PAYLOAD_TOO_LARGE, "file",
                        "must be at most " + attachments.maxBytes() + " bytes"))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(bytes -> attachments.upload(file.filename(), mediaType, bytes, caller.getSubject()))
                .map(attachment -> ResponseEntity.status(HttpStatus.CREATED).body(attachment));
    }
}
