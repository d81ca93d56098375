package id.aduan.reporting.regions;

/**
 * What an agency's code says about it: a central agency has no region ({@code KEMENPU}), a
 * province's agency carries the province code ({@code 32.DPUPR}), a regency's or city's carries
 * the regency code ({@code 32.73.DPUPR}).
 */
public record AgencyCode(String code, Level level, String province, String regency) {

    public enum Level {
        CENTRAL, PROVINCE, REGENCY
    }

    public static AgencyCode parse(String code) {
        String[] parts = code.split("\\.");
        boolean regional = parts.length > 1 && parts[0].matches("[0-9]{2}");
        if (!regional) {
            return new AgencyCode(code, Level.CENTRAL, null, null);
        }
        boolean regency = parts.length > 2 && parts[1].matches("[0-9]{2}");
        return new AgencyCode(code, regency ? Level.REGENCY : Level.PROVINCE, parts[0],
                regency ? parts[0] + "." + parts[1] : null);
    }

    /** The region level one below the agency's own: a regency agency's complaints break down by district. */
    public RegionCode.Level breakdownLevel() {
        return switch (level) {
            case CENTRAL -> RegionCode.Level.PROVINCE;
            case PROVINCE -> RegionCode.Level.REGENCY;
            case REGENCY -> RegionCode.Level.DISTRICT;
        };
    }
}
