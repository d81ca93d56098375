package id.aduan.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * One step in a complaint's routing (disposisi): it now lies with an agency, or with the national
 * coordinators' queue when no agency could be determined. Every step names the rule that made it,
 * and a step taken by a person names that person and their reason.
 *
 * @param agencyCode the assigned agency; null exactly when the destination is the coordinators' queue
 * @param rule the id of the rule that decided, or of the human decision ({@code coordinator-disposition})
 * @param explanation why, in words a coordinator can check
 * @param step what kind of step this is
 * @param hop how many times the complaint has been forwarded, this step included
 * @param previousAgencyCode where the complaint lay before this step, when it lay with an agency
 * @param actor who took the step (the agency or coordinator's account); null for a step routing took alone
 * @param reason the actor's reason; null exactly when {@code actor} is
 * @param ruleSetVersion the version of the competence rules in force when the step was taken
 * @param unitCode the unit of the agency that handles the affair there ({@code 31.DUKCAPIL/SUDIN-JAKPUS}: the
 *     suku dinas of an administrative city, docs/routing.md); absent otherwise, and in events written before it
 */
@CloudEventType(value = "aduan.complaint.routed.v1", topic = Topic.ROUTING)
public record ComplaintRouted(
        String complaintId,
        Destination destination,
        String agencyCode,
        String rule,
        String explanation,
        Instant routedAt,
        Step step,
        int hop,
        String previousAgencyCode,
        String actor,
        String reason,
        String ruleSetVersion,
        String unitCode) implements ComplaintEvent {

    public enum Destination {
        AGENCY,
        COORDINATORS_QUEUE
    }

    public enum Step {
        /** Routing decided on submission, by the competence rules. */
        ROUTED,
        /** The assigned agency declared "not our authority" and routing re-routed the complaint. */
        FORWARDED,
        /** A forward went past the hop limit, so the complaint went to the national coordinators. */
        ESCALATED,
        /** A national coordinator disposed the complaint by hand. */
        DISPOSED
    }

    public ComplaintRouted {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(routedAt, "routedAt");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        if ((destination == Destination.AGENCY) != (agencyCode != null)) {
            throw new IllegalArgumentException("agencyCode must be set exactly when the destination is AGENCY");
        }
        if ((step == Step.ROUTED) != (actor == null) || (actor == null) != (reason == null)) {
            throw new IllegalArgumentException("actor and reason must be set exactly when a person took the step");
        }
        if (hop < 0 || (step == Step.ROUTED && hop != 0)) {
            throw new IllegalArgumentException("hop counts forwards: zero on submission, never negative");
        }
        if (step == Step.ESCALATED && destination != Destination.COORDINATORS_QUEUE) {
            throw new IllegalArgumentException("an escalation goes to the coordinators' queue");
        }
        if (unitCode != null && (agencyCode == null || !unitCode.startsWith(agencyCode + "/"))) {
            throw new IllegalArgumentException("unitCode must be a unit of the assigned agency");
        }
    }

    /** A step that names no unit. */
    public ComplaintRouted(String complaintId, Destination destination, String agencyCode, String rule, String explanation,
            Instant routedAt, Step step, int hop, String previousAgencyCode, String actor, String reason, String ruleSetVersion) {
        this(complaintId, destination, agencyCode, rule, explanation, routedAt, step, hop, previousAgencyCode, actor, reason,
                ruleSetVersion, null);
    }

    @Override
    public Instant occurredAt() {
        return routedAt;
    }
}
