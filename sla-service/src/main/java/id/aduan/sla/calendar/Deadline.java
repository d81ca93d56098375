package id.aduan.sla.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When a clock is due.
 *
 * @param dueDate the last working day, in the acting party's zone
 * @param dueAt the end of that day: the first instant at which the clock is late
 * @param provisional true when the count ran into a year whose holidays are not in the calendar yet
 */
public record Deadline(LocalDate dueDate, Instant dueAt, boolean provisional) {
}
