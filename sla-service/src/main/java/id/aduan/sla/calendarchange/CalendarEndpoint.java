package id.aduan.sla.calendarchange;

import id.aduan.contracts.CalendarChanged;
import id.aduan.platform.security.Actor;
import id.aduan.sla.calendar.Calendars;
import id.aduan.sla.calendar.NonWorkingDay;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The government calendar as data: anyone with a token reads a year of it; the national coordinators
 * change it (a new year, a holiday moved by decree) without a release, and every change is an event.
 */
@RestController
class CalendarEndpoint {

    private final CalendarChanges changes;
    private final CalendarChangeLog changeLog;
    private final Calendars calendars;

    CalendarEndpoint(CalendarChanges changes, CalendarChangeLog changeLog, Calendars calendars) {
        this.changes = changes;
        this.changeLog = changeLog;
        this.calendars = calendars;
    }

    record DeclaredDay(@NotNull LocalDate date, @NotNull CalendarChanged.Kind kind, @NotBlank @Size(max = 200) String name) {
    }

    record ChangeRequest(
            @Valid @Size(max = 400) List<@NotNull @Valid DeclaredDay> declare,
            @Size(max = 400) List<@NotNull LocalDate> withdraw,
            @NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "Declare or withdraw non-working days")
    @ApiResponse(responseCode = "201", description = "The change, made", useReturnTypeSchema = true)
    @PostMapping("/api/v1/sla/calendar/changes")
    @PreAuthorize("hasRole('COORDINATOR')")
    Mono<ResponseEntity<CalendarChanged>> change(@Valid @RequestBody ChangeRequest request, @AuthenticationPrincipal Jwt token) {
        List<CalendarChanges.Declared> declare = request.declare() == null ? List.of()
                : request.declare().stream().map(day -> new CalendarChanges.Declared(day.date(), day.kind(), day.name())).toList();
        List<LocalDate> withdraw = request.withdraw() == null ? List.of() : request.withdraw();
        return changes.change(declare, withdraw, request.reason(), Actor.of(token).subject())
                .map(made -> ResponseEntity.created(URI.create("/api/v1/sla/calendar/changes#" + made.changeId())).body(made));
    }

    @Operation(summary = "List the changes made to the calendar")
    @GetMapping("/api/v1/sla/calendar/changes")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'OMBUDSMAN')")
    Flux<CalendarChanged> history() {
        return changeLog.all();
    }

    /** @param known false when the calendar holds no non-working day of that year yet: counts into it are provisional */
    record CalendarYear(int year, boolean known, List<NonWorkingDay> nonWorkingDays) {
    }

    @Operation(summary = "Read a year's non-working days")
    @GetMapping("/api/v1/sla/calendar")
    CalendarYear year(@RequestParam @Min(2000) @Max(2100) int year) {
        List<NonWorkingDay> days = calendars.current().nonWorkingDays().stream()
                .filter(day -> day.date().getYear() == year).toList();
        return new CalendarYear(year, !days.isEmpty(), days);
    }
}
