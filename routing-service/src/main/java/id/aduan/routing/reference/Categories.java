package id.aduan.routing.reference;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The category tree (id, parent, name); a parent is listed before its children. */
public final class Categories {

    private final Map<String, Category> byCode;

    private Categories(Map<String, Category> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    static Categories load() {
        Map<String, Category> categories = new LinkedHashMap<>();
        for (String[] row : CsvResource.rows("categories.csv", 2)) {
            int dot = row[0].lastIndexOf('.');
            String parent = dot < 0 ? null : row[0].substring(0, dot);
            if (parent != null && !categories.containsKey(parent)) {
                throw new IllegalStateException("category " + row[0] + " listed before its parent");
            }
            categories.put(row[0], new Category(row[0], parent, row[1]));
        }
        return new Categories(categories);
    }

    public Optional<Category> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    public Collection<Category> all() {
        return byCode.values();
    }
}
