package id.aduan.web.agency.casefile;

import id.aduan.web.api.Api;
import id.aduan.web.i18n.Formats;
import id.aduan.web.security.Person;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import reactor.core.publisher.Mono;

/**
 * Puts a complaint's case file, clocks and routing in a page's model, with the actions the person may take on it
 * now. The API decides in the end; the page only leaves out the forms it would refuse (docs/lifecycle.md).
 */
@Component
public class CaseFilePage {

    public static final String VIEW = "agency/case-file";

    private static final Set<String> FOLLOWING_UP = Set.of("VERIFIED", "IN_PROCESS");

    /** The clocks and the routing complete the page; the case file is worth showing without them. */
    private static final Duration OPTIONAL_PART = Duration.ofSeconds(5);

    private final Api api;
    private final Formats formats;

    CaseFilePage(Api api, Formats formats) {
        this.api = api;
        this.formats = formats;
    }

    /** The actions on offer, by the complaint's state and the person's role. */
    public record Actions(boolean followUp, boolean question, boolean completion, boolean unitAssignment, boolean forwarding) {

        static Actions of(CaseFile.Complaint complaint, Person person) {
            boolean admin = person.has(Person.AGENCY) && person.agency() != null
                    && person.agency().equals(complaint.assignedAgencyCode());
            boolean liaison = person.has(Person.LIAISON_OFFICER) && person.unit() != null
                    && person.unit().equals(complaint.assignedUnitCode());
            boolean holder = admin || liaison;
            boolean working = FOLLOWING_UP.contains(complaint.status());
            boolean asking = complaint.questionOpen();
            return new Actions(holder && working, holder && working && !asking,
                    holder && "IN_PROCESS".equals(complaint.status()) && !asking,
                    admin && working, admin && working);
        }

        public boolean any() {
            return followUp || question || completion || unitAssignment || forwarding;
        }
    }

    /**
     * Loads the case file into the model and answers the view's name. A 403 or 404 of the case file itself becomes
     * that error page; the clocks and the routing, which the API shows some roles only (a liaison officer), are left
     * out when refused.
     */
    public Mono<String> render(String trackingId, Person person, Model model) {
        ZoneId zone = formats.zoneOf(person.agency());
        Mono<CaseFile.Answer> caseFile = api.client().get().uri("/api/v1/complaints/{id}/case-file", trackingId)
                .retrieve().bodyToMono(CaseFile.Answer.class);
        // The case file first: a refusal there is the page's answer, and nothing else is asked.
        return caseFile.flatMap(answer -> Mono.zip(clocks(trackingId, answer, person, zone), routing(trackingId, person)).map(found -> {
            CaseFile.Complaint complaint = answer.complaint();
            model.addAttribute("complaint", complaint);
            model.addAttribute("clocks", found.getT1());
            model.addAttribute("decisions", found.getT2());
            model.addAttribute("actions", Actions.of(complaint, person));
            model.addAttribute("zoneCode", person.agency() != null ? person.agency() : complaint.regionCode());
            return VIEW;
        }));
    }

    /**
     * sla's view of the clocks (working days left, met or breached) for the agency admin; the API shows it no one
     * else of an agency, so a liaison officer sees the clocks the case file carries.
     */
    private Mono<List<CaseFile.Clock>> clocks(String trackingId, CaseFile.Answer answer, Person person, ZoneId zone) {
        List<CaseFile.Clock> fromCaseFile = answer.clocks().stream().map(clock -> clock.asClock(zone)).toList();
        if (!person.has(Person.AGENCY)) {
            return Mono.just(fromCaseFile);
        }
        return api.client().get().uri("/api/v1/complaints/{id}/sla", trackingId)
                .retrieve().bodyToMono(CaseFile.Clocks.class).map(CaseFile.Clocks::clocks)
                .timeout(OPTIONAL_PART).onErrorResume(refused -> Mono.just(fromCaseFile));
    }

    /** The routing chain: the API shows it to the agency admin of an agency the complaint is or was with. */
    private Mono<List<CaseFile.Decision>> routing(String trackingId, Person person) {
        if (!person.has(Person.AGENCY)) {
            return Mono.just(List.of());
        }
        return api.client().get().uri("/api/v1/complaints/{id}/routing", trackingId)
                .retrieve().bodyToMono(CaseFile.Routing.class).map(CaseFile.Routing::decisions)
                .timeout(OPTIONAL_PART).onErrorResume(refused -> Mono.just(List.of()));
    }
}
