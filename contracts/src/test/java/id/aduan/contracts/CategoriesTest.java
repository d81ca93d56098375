package id.aduan.contracts;

import static org.assertj.core.api.Assertions.assertThat;

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
}
