package id.aduan.reference;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.Codes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoriesTest {

    @Test
    void everyCategoryCodeHasTheContractShapeAndAKnownParent() {
        assertThat(Categories.tree().all()).allSatisfy(category -> {
            assertThat(category.code()).matches(Codes.CATEGORY);
            if (category.parentCode() != null) {
                assertThat(Categories.tree().find(category.parentCode())).isPresent();
            }
        });
    }

    @Test
    void findsACategoryByCode() {
        assertThat(Categories.tree().find("INFRA.ROAD")).contains(new Category("INFRA.ROAD", "INFRA", "Jalan"));
        assertThat(Categories.tree().find("GENERAL")).isPresent();
        assertThat(Categories.tree().find("NOPE")).isEmpty();
    }

    @Test
    void listsEveryParentBeforeItsChildrenInTheFilesOrder() {
        List<String> seen = new ArrayList<>();
        for (Category category : Categories.tree().all()) {
            if (category.parentCode() != null) {
                assertThat(seen).contains(category.parentCode());
            }
            seen.add(category.code());
        }
        assertThat(seen).startsWith("INFRA", "INFRA.ROAD", "INFRA.ROAD.NATIONAL");
    }
}
