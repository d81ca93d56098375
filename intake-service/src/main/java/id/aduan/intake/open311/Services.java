package id.aduan.intake.open311;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import id.aduan.contracts.Codes;
import id.aduan.reference.Categories;
import id.aduan.reference.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Open311 services: one per category of the shared tree, the service code being the category code. */
final class Services {

    static final String REGION_CODE = "region_code";
    static final String AGENCY_CODE = "agency_code";
    static final String NOT_A_SERVICE = "is not a service: see services.json";

    private Services() {
    }

    /** An entry of {@code services.json}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Service(String serviceCode, String serviceName, String description, boolean metadata, String type,
            String keywords, String group) {
    }

    /** {@code services/{service_code}.json}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Definition(String serviceCode, List<Attribute> attributes) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Attribute(boolean variable, String code, String datatype, boolean required, String datatypeDescription,
            int order, String description, List<Object> values) {
    }

    static List<Service> all() {
        return Categories.tree().all().stream().map(Services::service).toList();
    }

    static Optional<Definition> definition(String serviceCode) {
        // Every service asks the same: Aduan routes by region, which Open311's lat/long and address do not give;
        // without it the coordinators set the region at verification (ServiceRequestForm).
        return Categories.tree().find(serviceCode).map(category -> new Definition(category.code(), List.of(
                new Attribute(true, REGION_CODE, "string", false, "Kemendagri region code: " + Codes.REGION, 1,
                        "Kode wilayah Kemendagri tempat yang dilaporkan (provinsi 32, kabupaten/kota 32.73, kecamatan 32.73.01); "
                                + "tanpa kode ini, lat/long atau alamat wajib diisi",
                        List.of()),
                new Attribute(true, AGENCY_CODE, "string", false, "Aduan agency code: " + Codes.AGENCY, 2,
                        "Instansi yang dituju, bila pelapor tahu (32.73.DPUPR, KEMENKES)", List.of()))));
    }

    private static Service service(Category category) {
        List<String> path = path(category);
        Category parent = Categories.tree().find(category.parentCode()).orElse(null);
        return new Service(category.code(), category.name(), String.join(" › ", path), true, "realtime",
                String.join(", ", path), parent == null ? null : parent.name());
    }

    /** The names from the top of the tree down to the category. */
    private static List<String> path(Category category) {
        List<String> names = new ArrayList<>();
        for (Category at = category; at != null; at = Categories.tree().find(at.parentCode()).orElse(null)) {
            names.add(0, at.name());
        }
        return names;
    }
}
