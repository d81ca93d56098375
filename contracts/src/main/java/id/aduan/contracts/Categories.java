package id.aduan.contracts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        try (InputStream in = Categories.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != 2) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": expected 2 fields, found " + fields.length);
                }
                int dot = fields[0].lastIndexOf('.');
                String parent = dot < 0 ? null : fields[0].substring(0, dot);
                if (parent != null && !categories.containsKey(parent)) {
                    throw new IllegalStateException("category " + fields[0] + " listed before its parent");
                }
                categories.put(fields[0], new Category(fields[0], parent, fields[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Categories(categories);
    }
}
