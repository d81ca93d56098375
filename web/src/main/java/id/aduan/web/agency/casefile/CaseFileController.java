package id.aduan.web.agency.casefile;

import id.aduan.web.api.Api;
import id.aduan.web.security.Person;
import java.util.Optional;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A complaint's case file for the agency ({@code /agency/complaints/{trackingId}}), and its attachments. */
@Controller
class CaseFileController {

    private final CaseFilePage page;
    private final Api api;

    CaseFileController(CaseFilePage page, Api api) {
        this.page = page;
        this.api = api;
    }

    /** {@code done} names the action just taken (after its redirect), for the success message. */
    @GetMapping("/agency/complaints/{trackingId}")
    Mono<String> caseFile(@PathVariable String trackingId, @RequestParam(required = false) String done,
            Authentication authentication, Model model) {
        if (done != null && done.matches("[a-zA-Z-]{1,40}")) {
            model.addAttribute("done", done);
        }
        return page.render(trackingId, Person.of(authentication).orElseThrow(), model);
    }

    /** The file as the API keeps it, streamed through with the person's token. */
    @GetMapping("/agency/complaints/{trackingId}/attachments/{attachmentId}")
    Mono<ResponseEntity<Flux<DataBuffer>>> attachment(@PathVariable String trackingId, @PathVariable String attachmentId) {
        return api.download(trackingId, attachmentId, Optional.empty());
    }
}
