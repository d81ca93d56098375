package id.aduan.intake.notification;

import id.aduan.intake.web.RejectedInput;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The link at the foot of every notification: the reporter stops those of one complaint, without a
 * token (the link's own signature is the proof). The link asks first and stops on the answer, so a
 * mail program that opens links to check them stops nothing.
 */
@RestController
class UnsubscribeEndpoint {

    private final UnsubscribeLinks links;
    private final NotificationLog log;
    private final Clock clock;

    UnsubscribeEndpoint(UnsubscribeLinks links, NotificationLog log, Clock clock) {
        this.links = links;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Without {@code confirm=true}: a page asking whether to stop the complaint's notifications; with it,
     * they stop (asking again changes nothing). 400 for a token intake did not make.
     */
    @Operation(summary = "Stop a complaint's notifications to its reporter")
    @GetMapping(UnsubscribeLinks.PATH)
    Mono<ResponseEntity<String>> unsubscribe(@RequestParam(required = false) String token,
            @RequestParam(defaultValue = "false") boolean confirm) {
        String complaintId = links.complaintOf(token).orElseThrow(() -> new RejectedInput(HttpStatus.BAD_REQUEST, "token",
                "is not an unsubscribe link of Aduan"));
        String shown = HtmlUtils.htmlEscape(complaintId);
        if (!confirm) {
            return Mono.just(page("<p>Berhenti menerima pemberitahuan untuk laporan " + shown
                    + "? / Stop notifications for complaint " + shown + "?</p><form method=\"get\">"
                    + "<input type=\"hidden\" name=\"token\" value=\"" + HtmlUtils.htmlEscape(token) + "\">"
                    + "<input type=\"hidden\" name=\"confirm\" value=\"true\">"
                    + "<button type=\"submit\">Berhenti / Stop</button></form>"));
        }
        return Mono.fromCallable(() -> log.unsubscribe(complaintId, clock.instant())).subscribeOn(Schedulers.boundedElastic())
                .map(found -> page("<p>Anda tidak akan menerima pemberitahuan lagi untuk laporan " + shown
                        + ". / You will receive no more notifications for complaint " + shown + ".</p>"));
    }

    private static ResponseEntity<String> page(String content) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body("<!doctype html><html lang=\"id\"><head>"
                + "<meta charset=\"utf-8\"><title>Aduan</title></head><body>" + content + "</body></html>");
    }
}
