package id.aduan.intake.sms;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.aduan.contracts.Channel;
import id.aduan.intake.complaint.Reporter;
import id.aduan.intake.complaint.Submission;
import id.aduan.intake.idempotency.IdempotencyKey;
import id.aduan.intake.submit.ComplaintIntake;
import id.aduan.intake.submit.ComplaintIntake.Incoming;
import id.aduan.intake.submit.MessageText.Read;
import id.aduan.intake.submit.MessageText.Reading;
import id.aduan.intake.submit.MessageText.Unreadable;
import id.aduan.platform.web.ProblemType;
import id.aduan.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import id.aduan.platform.web.ProblemResponses;
import id.aduan.platform.web.ProblemResponses.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** SMS 1708: the SMS gateway's inbound-message webhook. The answer carries the reply to text back. */
@RestController
class SmsEndpoint {

    static final String FORMAT_HELP = "Format: LAPOR#kode wilayah#kode kategori#judul#isi laporan "
            + "(contoh: LAPOR#32.73#INFRA.ROAD#Jalan rusak#Jalan Merdeka berlubang), atau tulis laporan Anda langsung.";

    private final ComplaintIntake intake;
    private final Clock clock;

    SmsEndpoint(ComplaintIntake intake, Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    /**
     * @param reporterSecret the reporter's secret, only in the first answer
     * @param reply the text to send back to the sender, in Indonesian
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SmsAnswer(String trackingId, String reporterSecret, String reply) {
    }

    // A dedicated channel-gateway client comes with the security issue; until then the gateway uses a coordinator token.
    @Operation(summary = "Receive a complaint by SMS")
    @Problems(ProblemType.RULE_VIOLATION)
    @ApiResponse(responseCode = "201", description = "Accepted: the tracking id, the reporter's secret and the reply to send", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "The same message again: the same answer, without the secret", useReturnTypeSchema = true)
    @PostMapping("/api/v1/channels/sms")
    @PreAuthorize("hasRole('COORDINATOR')")
    Mono<ResponseEntity<?>> receive(@Valid @RequestBody InboundSms sms, @AuthenticationPrincipal Jwt caller) {
        Reading reading = SmsText.read(sms.text());
        if (reading instanceof Unreadable unreadable) {
            return Mono.just(unreadable(unreadable.reason()));
        }
        Submission submission = ((Read) reading).toSubmission(Channel.SMS, sms.receivedAt(), clock.instant());
        Incoming incoming = new Incoming(submission, new Reporter(null, null, sms.from()), List.of(),
                caller.getSubject());
        return intake.submit(incoming, IdempotencyKey.ofMessage(Channel.SMS, sms.messageId()))
                .map(accepted -> accepted.respond(new SmsAnswer(accepted.trackingId(), accepted.reporterSecret(), "Terima kasih, laporan Anda "
                        + "diterima dengan nomor " + accepted.trackingId() + ". Simpan nomor ini untuk memantau tindak lanjutnya.")));
    }

    private static ResponseEntity<?> unreadable(String reason) {
        ProblemDetail problem = ProblemResponses.fieldProblems(HttpStatus.UNPROCESSABLE_ENTITY, List.of(new FieldProblem("text", reason)));
        problem.setProperty("reply", "Maaf, laporan Anda belum dapat kami terima: " + reason + ". " + FORMAT_HELP);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
