package id.aduan.intake.notification;

import id.aduan.intake.web.RejectedInput;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The dead letters of the notifications to reporters (docs/notifications.md): steps that could not be
 * delivered on a channel after every attempt, with the last error; never the reporter's contact.
 */
@RestController
class FailedNotificationsEndpoint {

    private static final int MAX_LIMIT = 500;

    private final NotificationLog log;

    FailedNotificationsEndpoint(NotificationLog log) {
        this.log = log;
    }

    /** Notifications that failed for good, most recent first; national coordinators only. */
    @Operation(summary = "List notifications that failed for good")
    @GetMapping("/api/v1/notifications/failed")
    @PreAuthorize("hasRole('COORDINATOR')")
    Mono<List<NotificationLog.Failed>> failed(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Mono.error(new RejectedInput(HttpStatus.BAD_REQUEST, "limit", "must be between 1 and " + MAX_LIMIT));
        }
        return Mono.fromCallable(() -> log.failed(limit)).subscribeOn(Schedulers.boundedElastic());
    }
}
