package id.aduan.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class CodesTest {

    @Test
    void theSchemasUseTheSamePatternsAsTheCode() throws IOException {
        JsonNode submitted = schema("aduan.complaint.submitted.v1");
        assertThat(submitted.at("/$defs/complaintId/pattern").asText()).isEqualTo(Codes.COMPLAINT_ID);
        assertThat(submitted.at("/$defs/agencyCode/pattern").asText()).isEqualTo(Codes.AGENCY);
        assertThat(submitted.at("/properties/location/properties/regionCode/pattern").asText()).isEqualTo(Codes.REGION);
        assertThat(submitted.at("/properties/categoryCode/pattern").asText()).isEqualTo(Codes.CATEGORY);
        for (String type : new String[] {"aduan.complaint.routed.v1", "aduan.sla.clock-started.v1",
                "aduan.sla.clock-paused.v1", "aduan.sla.clock-resumed.v1",
                "aduan.complaint.assigned.v1", "aduan.complaint.followed-up.v1", "aduan.complaint.marked-complete.v1"}) {
            JsonNode other = schema(type);
            assertThat(other.at("/properties/complaintId/pattern").asText()).isEqualTo(Codes.COMPLAINT_ID);
            assertThat(other.at("/properties/agencyCode/pattern").asText()).isEqualTo(Codes.AGENCY);
        }
    }

    @Test
    void everyLifecycleSchemaUsesTheComplaintIdPattern() throws IOException {
        for (EventDescriptor<?> descriptor : EventCatalog.all()) {
            if (!ComplaintEvent.class.isAssignableFrom(descriptor.javaType())) {
                continue;
            }
            JsonNode schema = schema(descriptor.type());
            JsonNode pattern = schema.at("/properties/complaintId/pattern").isMissingNode()
                    ? schema.at("/$defs/complaintId/pattern") : schema.at("/properties/complaintId/pattern");
            assertThat(pattern.asText()).as(descriptor.type()).isEqualTo(Codes.COMPLAINT_ID);
        }
        assertThat(schema("aduan.complaint.verified.v1").at("/properties/categoryCode/pattern").asText())
                .isEqualTo(Codes.CATEGORY);
        assertThat(schema("aduan.complaint.verified.v1").at("/properties/regionCode/pattern").asText())
                .isEqualTo(Codes.REGION);
        assertThat(schema("aduan.complaint.routed.v1").at("/properties/previousAgencyCode/pattern").asText())
                .isEqualTo(Codes.AGENCY);
        assertThat(schema("aduan.routing.competence-rules-changed.v1")
                .at("/properties/rules/items/properties/categoryCode/pattern").asText()).isEqualTo(Codes.CATEGORY);
    }

    @Test
    void generatedComplaintIdsHaveTheContractShape() {
        for (int i = 0; i < 1000; i++) {
            assertThat(ComplaintIds.next()).matches(Codes.COMPLAINT_ID);
        }
    }

    private static JsonNode schema(String type) throws IOException {
        try (InputStream in = CodesTest.class.getClassLoader().getResourceAsStream("schemas/" + type + ".json")) {
            return new ObjectMapper().readTree(in);
        }
    }
}
