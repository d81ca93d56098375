package id.aduan.intake.complaint;

import java.time.Instant;

/**
 * The assigned agency's admin handed the complaint to one of its units. Stays in intake: routing
 * and deadlines deal with agencies; which unit works on it is the agency's own organisation.
 */
public record ComplaintAssignedToUnitEvent(String complaintId, String agencyCode, String unitCode, Instant assignedAt) {
}
