package id.aduan.web.reference;

import id.aduan.reference.Categories;
import id.aduan.reference.Category;
import id.aduan.reference.IndonesianRegions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the category and region pickers (templates/fragments/pickers.html) list, as {@code @pickers} in templates:
 * the category tree grouped under its top-level categories, and the regions one level below a chosen one.
 * Every page that asks for a category or a region (submitting, correcting at verification) uses the same.
 */
@Component("pickers")
public class Pickers {

    /** At most this many matches for a search: enough to find one, few enough to read. */
    static final int MATCHES = 15;

    private final IndonesianRegions regions = IndonesianRegions.shipped();
    private final Map<Category, List<Category>> categoryGroups = groups(Categories.tree());

    /** A choice in a picker: a code and what people read for it. */
    public record Choice(String code, String name) {
    }

    /** Each top-level category with everything below it, in the tree's order; a leaf's name shows its parents. */
    public Map<Category, List<Category>> categoryGroups() {
        return categoryGroups;
    }

    /** The name of a category below its group: "Jalan › Jalan nasional" for INFRA.ROAD.NATIONAL. */
    public String categoryName(Category category) {
        Categories tree = Categories.tree();
        List<String> names = new ArrayList<>();
        for (Category at = category; at != null && at.parentCode() != null; at = tree.find(at.parentCode()).orElse(null)) {
            names.add(0, at.name());
        }
        return names.isEmpty() ? category.name() : String.join(" › ", names);
    }

    public List<Choice> provinces() {
        return regions.provinces().stream().map(province -> new Choice(province.code(), province.name())).toList();
    }

    /** The regencies/cities of a province, or the districts of a regency/city; none for anything else. */
    public List<Choice> children(String code) {
        if (code == null || code.isBlank()) {
            return List.of();
        }
        String prefix = code + ".";
        int depth = code.split("\\.").length + 1;
        return regions.all().entrySet().stream()
                .filter(region -> region.getKey().startsWith(prefix) && region.getKey().split("\\.").length == depth)
                .map(region -> new Choice(region.getKey(), region.getValue())).toList();
    }

    /** The province, regency/city and district of a region code, as far as it goes (a village counts as its district). */
    public RegionChoice.Levels levels(String code) {
        return RegionChoice.levels(code);
    }

    /** "Sukajadi, Kota Bandung, Jawa Barat": a region with the regions it lies in, so namesakes tell apart. */
    public String fullName(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        String[] parts = code.split("\\.");
        for (int length = Math.min(parts.length, 3); length >= 1; length--) {
            String level = String.join(".", Arrays.copyOf(parts, length));
            regions.name(level).ifPresent(names::add);
        }
        return names.isEmpty() ? code : String.join(", ", names);
    }

    /** Regions whose name contains every word of the query, larger regions first, at most {@value #MATCHES}. */
    public List<Choice> search(String query) {
        if (query == null || query.isBlank() || query.strip().length() < 2) {
            return List.of();
        }
        String[] words = query.toLowerCase(Locale.ROOT).strip().split("\\s+");
        return regions.all().entrySet().stream()
                .filter(region -> {
                    String name = fullName(region.getKey()).toLowerCase(Locale.ROOT);
                    for (String word : words) {
                        if (!name.contains(word)) {
                            return false;
                        }
                    }
                    return true;
                })
                .sorted(Comparator.comparingInt(region -> region.getKey().length()))
                .limit(MATCHES)
                .map(region -> new Choice(region.getKey(), fullName(region.getKey()))).toList();
    }

    private static Map<Category, List<Category>> groups(Categories tree) {
        Map<Category, List<Category>> groups = new LinkedHashMap<>();
        for (Category category : tree.all()) {
            if (category.parentCode() == null) {
                groups.put(category, new ArrayList<>());
            } else {
                String top = category.code().substring(0, category.code().indexOf('.'));
                tree.find(top).map(groups::get).ifPresent(members -> members.add(category));
            }
        }
        groups.replaceAll((top, members) -> List.copyOf(members));
        return Collections.unmodifiableMap(groups);
    }
}
