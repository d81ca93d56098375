package id.aduan.reference;

import java.util.Collection;
import java.util.Collections;
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
        this.byCode = Collections.unmodifiableMap(new LinkedHashMap<>(byCode));
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

    private record Row(String code, String name) {
    }

    private static Categories load() {
        Map<String, Category> categories = new LinkedHashMap<>();
        for (Row row : ReferenceCsv.rows(RESOURCE, Row.class)) {
            int dot = row.code().lastIndexOf('.');
            String parent = dot < 0 ? null : row.code().substring(0, dot);
            if (parent != null && !categories.containsKey(parent)) {
                throw new IllegalStateException("category " + row.code() + " listed before its parent");
            }
            categories.put(row.code(), new Category(row.code(), parent, row.name()));
        }
        return new Categories(categories);
    }
}
