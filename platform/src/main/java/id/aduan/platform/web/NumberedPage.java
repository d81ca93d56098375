package id.aduan.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A list paged by number in the one shape of lists (docs/api.md, "Lists"): {@code items}, {@code total}
 * and {@code next}, with {@code page} and {@code size}.
 */
public interface NumberedPage<T> {

    /** From 0. */
    int page();

    int size();

    /** How many entries the query takes, on every page together. */
    long total();

    List<T> items();

    /** The page to ask for next; absent on the last. */
    @JsonProperty
    @JsonInclude(JsonInclude.Include.NON_NULL)
    default Integer next() {
        return (long) (page() + 1) * size() < total() ? page() + 1 : null;
    }
}
