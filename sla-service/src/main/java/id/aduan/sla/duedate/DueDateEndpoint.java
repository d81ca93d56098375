package id.aduan.sla.duedate;

import id.aduan.contracts.Codes;
import id.aduan.platform.web.ProblemResponses;
import id.aduan.reference.AgencyCode;
import id.aduan.reference.IndonesianRegions;
import id.aduan.sla.calendar.Deadline;
import id.aduan.sla.calendar.Calendars;
import id.aduan.sla.calendar.GovernmentCalendar;
import id.aduan.sla.calendar.WorkingCalendar;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Anyone with a token can check the arithmetic of a deadline: the same rule every clock uses. */
@RestController
class DueDateEndpoint {

    private final Calendars calendars;

    DueDateEndpoint(Calendars calendars) {
        this.calendars = calendars;
    }

    /**
     * @param provisional true when the count runs into a year whose holidays are not in the calendar yet
     */
    record DueDate(LocalDate dueDate, Instant dueAt, String zone, int workingDays, boolean provisional) {
    }

    /** Counts in {@code zone}, or in the zone and calendar of {@code agency}; exactly one of the two. */
    @Operation(summary = "Count working days to a due date")
    @GetMapping("/api/v1/sla/due-date")
    DueDate dueDate(
            @RequestParam @NotNull Instant start,
            @RequestParam @Min(1) @Max(365) int workingDays,
            @RequestParam(required = false) String zone,
            @RequestParam(required = false)
            @Pattern(regexp = Codes.AGENCY, message = "must be an agency code such as 32.73.DUKCAPIL or KEMENKES")
            String agency) {
        if ((zone == null) == (agency == null)) {
            throw ProblemResponses.invalidField("zone", "give either zone or agency, not both and not neither");
        }
        GovernmentCalendar calendar = calendars.current();
        ZoneId countIn = agency == null ? zoneNamed(zone) : zoneOfAgency(calendar, agency);
        WorkingCalendar days = agency == null ? calendar.forCoordinators() : calendar.forAgency(agency);
        Deadline deadline = days.deadline(start, workingDays, countIn);
        return new DueDate(deadline.dueDate(), deadline.dueAt(), countIn.getId(), workingDays, deadline.provisional());
    }

    /** An agency of a region the reference data does not list is refused here, as unknown codes are at every edge. */
    private static ZoneId zoneOfAgency(GovernmentCalendar calendar, String agency) {
        AgencyCode.read(agency).filter(IndonesianRegions.shipped()::knows).orElseThrow(() -> ProblemResponses.invalidField(
                "agency", "must be a central agency or an office of a region in Indonesia, such as 32.73.DUKCAPIL"));
        return calendar.zoneOf(agency);
    }

    private static ZoneId zoneNamed(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ProblemResponses.invalidField("zone", "must be an IANA time zone such as Asia/Makassar");
        }
    }
}
