package id.aduan.routing.reference;

import id.aduan.platform.security.Actor;

/**
 * A regency/city without a government of its own (administrative-regions.csv): its province holds
 * the regency/city affairs there and runs them through a suku dinas (sudin), a unit of each of its offices.
 *
 * @param kind "city" or "regency", as the explanation names it
 * @param sudin the unit's short name, the same in every office of the province
 */
public record AdministrativeRegion(Region region, String kind, String sudin, Region province) {

    /** The sudin in this provincial office: {@code 31.DUKCAPIL} gives {@code 31.DUKCAPIL/SUDIN-JAKPUS}. */
    public String unitCode(String provincialOfficeCode) {
        return provincialOfficeCode + Actor.UNIT_SEPARATOR + sudin;
    }

    /** "Kota Administrasi Jakarta Pusat (31.71) is an administrative city: the Province of ... (31) holds this affair". */
    public String why() {
        return region.label() + " is an administrative " + kind + ": the Province of " + province.label() + " holds this affair";
    }
}
