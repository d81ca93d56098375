package id.aduan.web.reference;

import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The region picker's helpers for htmx (templates/fragments/pickers.html): the next level's options when a
 * select changes, and the regions matching what a person types. Without script the picker's own buttons
 * reload the form instead, so these only save a page load.
 */
@Controller
class RegionLookup {

    private final Pickers pickers;

    RegionLookup(Pickers pickers) {
        this.pickers = pickers;
    }

    /** {@code <option>}s of the regions one level below; htmx sends the changed select's value by its name. */
    @GetMapping("/regions/{code}/children")
    String children(@PathVariable String code, @RequestParam(defaultValue = "regionCode") String field, Model model) {
        return childOptions(code, field, model);
    }

    @GetMapping("/regions/children")
    String childrenOfChosen(@RequestParam(defaultValue = "regionCode") String field,
            @RequestParam MultiValueMap<String, String> parameters, Model model) {
        List<String> chosen = parameters.getOrDefault(field, List.of());
        return childOptions(chosen.isEmpty() ? "" : chosen.get(chosen.size() - 1), field, model);
    }

    private String childOptions(String code, String field, Model model) {
        model.addAttribute("field", field);
        model.addAttribute("parent", code);
        model.addAttribute("choices", pickers.children(code));
        // A new province empties the districts too: they belonged to the old one's regency.
        model.addAttribute("resetDistricts", !code.contains("."));
        return "fragments/pickers :: children";
    }

    /** The regions matching the query, each a button that picks it in the form it sits in. */
    @GetMapping("/regions/search")
    String search(@RequestParam(defaultValue = "regionCode") String field,
            @RequestParam MultiValueMap<String, String> parameters, Model model) {
        // The picker's search box is named after its field; "q" for anyone else asking.
        String q = parameters.getFirst(field + "Query") != null ? parameters.getFirst(field + "Query")
                : Objects.requireNonNullElse(parameters.getFirst("q"), "");
        model.addAttribute("field", field);
        model.addAttribute("query", q);
        model.addAttribute("matches", pickers.search(q));
        return "fragments/pickers :: matches";
    }
}
