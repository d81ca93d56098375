package id.aduan.reference;

/**
 * A complaint category; codes are paths in the tree ({@code EDU.SCHOOL.PRIMARY}).
 *
 * @param parentCode null for a top-level category
 */
public record Category(String code, String parentCode, String name) {

    /** True for this category and every one below it. */
    public boolean isWithin(String ancestorCode) {
        return code.equals(ancestorCode) || code.startsWith(ancestorCode + ".");
    }

    /** "Jalan (INFRA.ROAD)": how explanations name a category. */
    public String label() {
        return name + " (" + code + ")";
    }
}
