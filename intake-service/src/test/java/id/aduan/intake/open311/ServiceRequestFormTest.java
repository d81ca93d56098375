package id.aduan.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.aduan.contracts.Channel;
import id.aduan.contracts.Location;
import id.aduan.intake.complaint.Reporter;
import id.aduan.intake.complaint.Submission;
import id.aduan.intake.submit.ComplaintIntake.Incoming;
import id.aduan.intake.submit.MessageText;
import id.aduan.intake.web.RejectedInput;
import id.aduan.platform.web.ProblemResponses.FieldProblem;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ServiceRequestFormTest {

    private static final Instant NOW = Instant.parse("2026-03-02T01:15:00Z");

    private static Map<String, String> form() {
        Map<String, String> form = new HashMap<>(Map.of(
                "service_code", "INFRA.ROAD",
                "description", "Lubang besar di Jalan Merdeka dekat pasar, sudah dua minggu tidak diperbaiki dan membahayakan pengendara motor.",
                "attribute[region_code]", "32.73.01",
                "attribute[agency_code]", "32.73.DPUPR",
                "lat", "-6.9175",
                "long", "107.6191",
                "address_string", "Jl. Merdeka 12, Bandung",
                "first_name", "Siti",
                "last_name", "Aminah",
                "email", "siti@example.id"));
        form.put("phone", "+6281234567890");
        form.put("media_url", "https://example.id/foto.jpg");
        return form;
    }

    @Test
    void aFormBecomesAnOpen311SubmissionWithTheReporterApart() {
        Incoming incoming = ServiceRequestForm.read(form()).toIncoming("citizen-app", NOW);

        Submission submission = incoming.submission();
        assertThat(submission.channel()).isEqualTo(Channel.OPEN311);
        assertThat(submission.categoryCode()).isEqualTo("INFRA.ROAD");
        assertThat(submission.title()).startsWith("Lubang besar di Jalan Merdeka").endsWith("…").hasSizeLessThanOrEqualTo(61);
        assertThat(submission.description()).startsWith("Lubang besar").endsWith("motor.");
        assertThat(submission.location()).isEqualTo(new Location("32.73.01", -6.9175, 107.6191, "Jl. Merdeka 12, Bandung"));
        assertThat(submission.addressedAgencyCode()).isEqualTo("32.73.DPUPR");
        assertThat(submission.receivedAt()).isEqualTo(NOW);
        assertThat(submission.anonymous()).isFalse();
        assertThat(submission.confidential()).isFalse();
        assertThat(incoming.reporter()).isEqualTo(new Reporter("Siti Aminah", "siti@example.id", "+6281234567890"));
        assertThat(incoming.attachmentIds()).isEmpty();
        assertThat(incoming.submitter()).isEqualTo("citizen-app");
    }

    @Test
    void aRegionTheReferenceDoesNotKnowIsRefusedAndAProvinceAloneIsAccepted() {
        Map<String, String> form = form();
        form.put("attribute[region_code]", "94.71.01");
        assertThatThrownBy(() -> ServiceRequestForm.read(form)).isInstanceOfSatisfying(RejectedInput.class, refused ->
                assertThat(refused.errors()).extracting(FieldProblem::field).containsExactly("attribute[region_code]"));
        form.put("attribute[region_code]", "32");
        assertThat(ServiceRequestForm.read(form).regionCode()).isEqualTo("32");
    }

    @Test
    void withoutNameEmailOrPhoneThereIsNoReporter() {
        Map<String, String> form = form();
        form.keySet().removeAll(List.of("first_name", "last_name", "email", "phone", "lat", "long", "attribute[agency_code]"));
        ServiceRequestForm read = ServiceRequestForm.read(form);
        assertThat(read.reporter()).isNull();
        assertThat(read.agencyCode()).isNull();
        assertThat(read.toIncoming("c", NOW).submission().location().latitude()).isNull();
    }

    @Test
    void everyFieldAtFaultIsNamedTheOpen311Way() {
        Map<String, String> form = form();
        form.put("attribute[region_code]", "32-73");
        form.put("lat", "north");
        form.put("email", "not-an-address");
        form.put("description", " ");

        assertThatThrownBy(() -> ServiceRequestForm.read(form)).isInstanceOfSatisfying(RejectedInput.class, refused -> {
            assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.errors()).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                    "description", "attribute[region_code]", "lat", "email");
        });
    }

    @Test
    void aServiceCodeThatIsNoServiceIsNotFound() {
        Map<String, String> form = form();
        form.put("service_code", "NOPE");
        form.put("description", " ");
        assertThatThrownBy(() -> ServiceRequestForm.read(form)).isInstanceOfSatisfying(RejectedInput.class, refused -> {
            assertThat(refused.status()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(refused.errors()).extracting(FieldProblem::field).containsExactly("service_code");
        });
    }

    @Test
    void withoutARegionLatLongOrAnAddressSayWhereAndTheCoordinatorsSetTheRegion() {
        Map<String, String> form = form();
        form.remove("attribute[region_code]");
        assertThat(ServiceRequestForm.read(form).regionCode()).isEqualTo(MessageText.REGION_NOT_GIVEN);
        form.remove("address_string");
        assertThat(ServiceRequestForm.read(form).toIncoming("c", NOW).submission().location())
                .isEqualTo(new Location(MessageText.REGION_NOT_GIVEN, -6.9175, 107.6191, null));
        form.put("address_string", "Jl. Merdeka 12, Bandung");
        form.remove("lat");
        form.remove("long");
        assertThat(ServiceRequestForm.read(form).address()).isEqualTo("Jl. Merdeka 12, Bandung");

        form.remove("address_string");
        assertThatThrownBy(() -> ServiceRequestForm.read(form)).isInstanceOfSatisfying(RejectedInput.class, refused ->
                assertThat(refused.errors()).extracting(FieldProblem::field).containsExactly("attribute[region_code]"));
    }

    /** The wiki's sample POST, for one of Aduan's services: its extra fields and attribute are not read. */
    @Test
    void theSpecsSampleRequestIsAccepted() throws Exception {
        Map<String, String> fields = new HashMap<>();
        for (String pair : Open311FormatTest.fixture("post-request.form").strip().split("&")) {
            String[] field = pair.split("=", 2);
            fields.put(URLDecoder.decode(field[0], StandardCharsets.UTF_8), URLDecoder.decode(field[1], StandardCharsets.UTF_8));
        }
        fields.put("service_code", "INFRA.ROAD");

        ServiceRequestForm form = ServiceRequestForm.read(fields);
        assertThat(form.description()).isEqualTo("A large sinkhole is destroying the street");
        assertThat(form.regionCode()).isEqualTo(MessageText.REGION_NOT_GIVEN);
        assertThat(form.latitude()).isEqualTo(37.76524078);
        assertThat(form.longitude()).isEqualTo(-122.4212043);
        assertThat(form.address()).isEqualTo("1234 5th street");
        assertThat(form.reporter()).isEqualTo(new Reporter("john smith", "smit222@sfgov.org", "111111111"));
    }

    @Test
    void jsonAttributesMayBeNestedOrNamedLikeFormFields() {
        Map<String, String> fields = Open311Endpoint.formFields(Map.of("service_code", "HEALTH", "lat", -6.9,
                "attribute", Map.of("region_code", "32.73"), "attribute[agency_code]", "KEMENKES"));
        assertThat(fields).containsEntry("attribute[region_code]", "32.73").containsEntry("attribute[agency_code]", "KEMENKES")
                .containsEntry("lat", "-6.9").containsEntry("service_code", "HEALTH");
    }
}
