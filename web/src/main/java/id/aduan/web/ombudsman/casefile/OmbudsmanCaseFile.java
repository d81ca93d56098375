package id.aduan.web.ombudsman.casefile;

import id.aduan.reference.Categories;
import id.aduan.reference.Category;
import id.aduan.web.api.Api;
import id.aduan.web.api.ApiProblem;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import reactor.core.publisher.Mono;

/**
 * One complaint's case file as the Ombudsman reads it: the complaint and its timeline (intake), its clocks
 * (sla) and its routing chain (routing). The API decides what the Ombudsman sees (the reporter's name, not
 * their contact details: docs/personal-data.md); the page offers no action, as the role takes none.
 */
@Controller
class OmbudsmanCaseFile {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private final Api api;
    private final Categories categories = Categories.tree();

    OmbudsmanCaseFile(Api api) {
        this.api = api;
    }

    @GetMapping("/ombudsman/complaints/{trackingId}")
    Mono<String> caseFile(@PathVariable String trackingId, Model model) {
        // The clocks and the routing chain may not exist yet (a complaint just submitted): the case file still shows.
        Mono<Map<String, Object>> clocks = read("/api/v1/complaints/{id}/sla", trackingId)
                .onErrorResume(ApiProblem.class, missing -> missing.is(404) ? Mono.just(Map.of()) : Mono.error(missing))
                .defaultIfEmpty(Map.of());
        Mono<Map<String, Object>> routing = read("/api/v1/complaints/{id}/routing", trackingId)
                .onErrorResume(ApiProblem.class, missing -> missing.is(404) ? Mono.just(Map.of()) : Mono.error(missing))
                .defaultIfEmpty(Map.of());
        return Mono.zip(read("/api/v1/complaints/{id}/case-file", trackingId), clocks, routing)
                .doOnNext(all -> {
                    Object complaint = all.getT1().get("complaint");
                    model.addAttribute("complaint", complaint);
                    if (complaint instanceof Map<?, ?> fields && fields.get("categoryCode") instanceof String code) {
                        model.addAttribute("category", categories.find(code).map(Category::label).orElse(code));
                    }
                    model.addAttribute("clocks", all.getT2().getOrDefault("clocks", List.of()));
                    model.addAttribute("decisions", all.getT3().getOrDefault("decisions", List.of()));
                })
                .thenReturn("ombudsman/case-file");
    }

    private Mono<Map<String, Object>> read(String path, String trackingId) {
        return api.client().get().uri(path, trackingId).retrieve().bodyToMono(JSON_OBJECT);
    }
}
