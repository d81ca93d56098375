package id.aduan.contracts;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one category tree every service classifies by, from {@value #RESOURCE}: lines starting with
 * {@code #} are comments, then a {@code code,name} header; a parent is listed before its children.
 * Loaded once, on first use; a malformed file fails loudly rather than leave half a tree.
 */
public final class Categories {

    static final String RESOURCE = "reference/categories.csv";

    private final Map<String, Category> byCode;

    private Categories(Map<String, Category> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    private static final class Loaded {
        static final Categories TREE = load();
    }

    /** The tree, read from the classpath the first time it is asked for. */
    public static Categories tree() {
        return Loaded.TREE;
    }

    public Optional<Category> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    /** Every category, each parent before its children, in the file's order. */
    public Collection<Category> all() {
        return byCode.values();
    }

    private static Categories load() {
        Map<String, Category> categories = new LinkedHashMap<>();
        for (String[] fields : ReferenceCsv.rows(RESOURCE, 2)) {
            int dot = fields[0].lastIndexOf('.');
            String parent = dot < 0 ? null : fields[0].substring(0, dot);
            if (parent != null && !categories.containsKey(parent)) {
                throw new IllegalStateException("category " + fields[0] + " listed before its parent");
            }
            categories.put(fields[0], new Category(fields[0], parent, fields[1]));
        }
        return new Categories(categories);
    }
}
