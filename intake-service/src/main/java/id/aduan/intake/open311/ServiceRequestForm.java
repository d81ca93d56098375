package id.aduan.intake.open311;

import id.aduan.contracts.Channel;
import id.aduan.contracts.Codes;
import id.aduan.contracts.Location;
import id.aduan.intake.complaint.Reporter;
import id.aduan.intake.complaint.Submission;
import id.aduan.intake.submit.ComplaintIntake.Incoming;
import id.aduan.intake.submit.MessageText;
import id.aduan.intake.web.KnownRegion;
import id.aduan.intake.web.RejectedInput;
import id.aduan.platform.web.ProblemResponses.FieldProblem;
import id.aduan.reference.Categories;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The fields of an Open311 {@code POST requests.json} (or {@code .xml}), form-encoded or JSON, read
 * and checked. Errors name the Open311 field ({@code attribute[region_code]}). {@code media_url} is
 * not read: Aduan keeps attachments only as its own uploads, and fetches no one's URL.
 *
 * <p>Where: a region code the reference knows, or, without one, lat/long or an address: then the
 * region is {@value MessageText#REGION_NOT_GIVEN}, not given, for the coordinators to set at
 * verification as for an SMS without one (the repository holds no region boundaries to look the
 * point up in). A request that says nowhere is refused.
 *
 * @param regionCode {@value MessageText#REGION_NOT_GIVEN} when only lat/long or the address say where
 * @param reporter null when the reporter gave no name, email or phone
 */
record ServiceRequestForm(String serviceCode, String description, String regionCode, String agencyCode,
        Double latitude, Double longitude, String address, Reporter reporter) {

    static final String REGION_FIELD = "attribute[" + Services.REGION_CODE + "]";
    static final String AGENCY_FIELD = "attribute[" + Services.AGENCY_CODE + "]";
    private static final String PHONE = "^\\+?[0-9]{8,15}$";
    private static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    /**
     * Reads the fields, all of them as text; refuses a service code that is not a service (404, as
     * the spec says), anything else at fault with every field at fault (400).
     */
    static ServiceRequestForm read(Map<String, String> fields) {
        Fields form = new Fields(fields);
        String serviceCode = form.required("service_code", 100);
        if (serviceCode != null && Categories.tree().find(serviceCode).isEmpty()) {
            throw new RejectedInput(HttpStatus.NOT_FOUND, "service_code", Services.NOT_A_SERVICE);
        }
        String description = form.required("description", MessageText.MAX_LENGTH);
        String regionCode = form.matching(REGION_FIELD, Codes.REGION, "must be a Kemendagri region code such as 32.73.01");
        if (regionCode != null && !KnownRegion.Check.accepts(regionCode)) {
            form.refuse(REGION_FIELD, KnownRegion.MESSAGE);
        }
        String agencyCode = form.matching(AGENCY_FIELD, Codes.AGENCY, "must be an agency code such as 32.73.DPUPR or KEMENKES");
        Double latitude = form.coordinate("lat", 90);
        Double longitude = form.coordinate("long", 180);
        if ((latitude == null) != (longitude == null) && !form.refused("lat") && !form.refused("long")) {
            form.refuse(latitude == null ? "lat" : "long", "lat and long go together");
        }
        String address = form.optional("address_string", 500);
        if (regionCode == null && !form.refused(REGION_FIELD) && latitude == null && address == null
                && !form.refused("lat") && !form.refused("long") && !form.refused("address_string")) {
            form.refuse(REGION_FIELD, "is required unless lat and long or address_string say where the request is about");
        }
        String name = String.join(" ", nonNull(form.optional("first_name", 50), form.optional("last_name", 50)));
        String email = form.matching("email", EMAIL, "must be an email address");
        String phone = form.matching("phone", PHONE, "must be a phone number of 8 to 15 digits");
        if (!form.problems.isEmpty()) {
            throw new RejectedInput(HttpStatus.BAD_REQUEST, form.problems);
        }
        Reporter reporter = name.isEmpty() && email == null && phone == null ? null
                : new Reporter(name.isEmpty() ? null : name, email, phone);
        return new ServiceRequestForm(serviceCode, description, regionCode == null ? MessageText.REGION_NOT_GIVEN : regionCode,
                agencyCode, latitude, longitude, address, reporter);
    }

    /**
     * The complaint for the shared submission path, received now: public and not anonymous, since
     * Open311 has neither notion; the title is the description's first words.
     */
    Incoming toIncoming(String submitter, Instant now) {
        Submission submission = new Submission(Channel.OPEN311, MessageText.titleOf(description), description, serviceCode,
                new Location(regionCode, latitude, longitude, address), agencyCode, now, false, false);
        return new Incoming(submission, reporter, List.of(), submitter);
    }

    private static List<String> nonNull(String... values) {
        List<String> present = new ArrayList<>();
        for (String value : values) {
            if (value != null) {
                present.add(value);
            }
        }
        return present;
    }

    /** The fields being read, and what is wrong with them so far. */
    private static final class Fields {
        private final Map<String, String> values;
        private final List<FieldProblem> problems = new ArrayList<>();

        Fields(Map<String, String> values) {
            this.values = values;
        }

        void refuse(String field, String message) {
            problems.add(new FieldProblem(field, message));
        }

        boolean refused(String field) {
            return problems.stream().anyMatch(problem -> problem.field().equals(field));
        }

        /** The stripped value, or null when absent or blank. */
        String optional(String field, int maxLength) {
            String value = values.get(field);
            if (value == null || value.isBlank()) {
                return null;
            }
            if (value.strip().length() > maxLength) {
                refuse(field, "must be at most " + maxLength + " characters");
                return null;
            }
            return value.strip();
        }

        String required(String field, int maxLength) {
            String value = optional(field, maxLength);
            if (value == null && !refused(field)) {
                refuse(field, "is required");
            }
            return value;
        }

        String matching(String field, String pattern, String message) {
            String value = optional(field, 254);
            if (value != null && !value.matches(pattern)) {
                refuse(field, message);
                return null;
            }
            return value;
        }

        Double coordinate(String field, double bound) {
            String value = optional(field, 30);
            if (value == null) {
                return null;
            }
            try {
                double coordinate = Double.parseDouble(value);
                if (Math.abs(coordinate) <= bound) {
                    return coordinate;
                }
            } catch (NumberFormatException notANumber) {
                // Refused below, like a number out of range.
            }
            refuse(field, "must be a decimal number from -" + (int) bound + " to " + (int) bound);
            return null;
        }
    }
}
