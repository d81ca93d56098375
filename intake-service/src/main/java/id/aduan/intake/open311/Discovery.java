package id.aduan.intake.open311;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/** The service discovery document ({@code discovery.json}, {@code discovery.xml}): where and how this API is served. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record Discovery(Instant changeset, String contact, String keyService, List<Endpoint> endpoints) {

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

    /** @param formats the media types served, as the spec names them */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Endpoint(String specification, String url, Instant changeset, String type, List<String> formats) {
    }

    static Discovery of(Open311Settings settings) {
        return new Discovery(settings.changeset(), settings.contact(), settings.keyService(), List.of(new Endpoint(
                SPECIFICATION, settings.endpointUrl(), settings.changeset(), settings.endpointType(),
                List.of("text/xml", "application/json"))));
    }
}
