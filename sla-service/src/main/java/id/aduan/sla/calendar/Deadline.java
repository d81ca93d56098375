package id.aduan.sla.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When a clock is due.
 *
 * @param dueDate the last working day, in the acting party's zone
 * @param dueAt the end of that day: the first instant at which the clock is late
 */
public record Deadline(LocalDate dueDate, Instant dueAt) {
}
