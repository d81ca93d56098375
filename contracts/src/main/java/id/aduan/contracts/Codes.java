package id.aduan.contracts;

/**
 * The shapes of the codes Aduan's events carry, as regular expressions; the JSON Schemas use the
 * same ones ({@code CodesTest} holds them together).
 */
public final class Codes {

    /** {@code ADU-} and ten Crockford base-32 characters: see {@link ComplaintIds}. */
    public static final String COMPLAINT_ID = "^ADU-[0-9A-HJKMNP-TV-Z]{10}$";

    /**
     * An agency (instansi): the Kemendagri code of its region and the unit's short name for a
     * regional agency ({@code 32.73.DUKCAPIL}), or the short name alone for a central one ({@code KEMENKES}).
     */
    public static final String AGENCY = "^([0-9]{2}(\\.[0-9]{2})?\\.)?[A-Z][A-Z0-9-]{1,30}$";

    /** A Kemendagri region: province {@code NN}, regency/city {@code NN.NN}, district {@code NN.NN.NN}, village {@code NN.NN.NN.NNNN}. */
    public static final String REGION = "^[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{4})?)?)?$";

    /** A category in the hierarchy, its path joined by dots: {@code INFRA.ROAD}. */
    public static final String CATEGORY = "^[A-Z][A-Z0-9_]*(\\.[A-Z0-9_]+)*$";

    private Codes() {
    }
}
