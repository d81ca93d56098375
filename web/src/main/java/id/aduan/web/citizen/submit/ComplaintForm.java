package id.aduan.web.citizen.submit;

import id.aduan.web.citizen.Messages;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a citizen fills in on the submit page, as typed. {@link #check} holds it to the API's own limits
 * (docs/openapi/intake.json, SubmitComplaintRequest) first, so the person reads a message in their language
 * beside the field before anything is sent.
 *
 * @param identity NAMED or ANONYMOUS (anonim: nobody but the reporter sees the name)
 * @param visibility PUBLIC or CONFIDENTIAL (rahasia: only the reporter and those handling it see the complaint)
 * @param submissionKey the Idempotency-Key, one per form shown, so sending it twice files one complaint
 */
public record ComplaintForm(String title, String description, String categoryCode, String regionCode, String address,
        String latitude, String longitude, String identity, String visibility, String name, String email, String phone,
        String submissionKey) {

    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 10_000;
    static final int ADDRESS_MAX = 500;
    static final int NAME_MAX = 100;
    static final int EMAIL_MAX = 254;
    static final int ATTACHMENTS_MAX = 5;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9]{8,15}$");

    static ComplaintForm empty(String submissionKey) {
        return new ComplaintForm("", "", "", "", "", "", "", "NAMED", "PUBLIC", "", "", "", submissionKey);
    }

    public boolean anonymous() {
        return "ANONYMOUS".equals(identity);
    }

    public boolean confidential() {
        return "CONFIDENTIAL".equals(visibility);
    }

    /** The phone as the API takes it: digits and a leading +, without the spaces and dashes people type. */
    public String phoneDigits() {
        return phone == null ? "" : phone.replaceAll("[\\s().-]", "");
    }

    /** Each field at fault with its message; empty when the form may be sent. */
    Map<String, String> check(int attachments, Messages messages) {
        Map<String, String> errors = new LinkedHashMap<>();
        required(errors, "title", title, TITLE_MAX, messages);
        required(errors, "description", description, DESCRIPTION_MAX, messages);
        if (blank(categoryCode)) {
            errors.put("categoryCode", messages.get("citizen.submit.error.category"));
        }
        if (blank(regionCode)) {
            errors.put("regionCode", messages.get("citizen.submit.error.region"));
        }
        tooLong(errors, "address", address, ADDRESS_MAX, messages);
        coordinates(errors, messages);
        tooLong(errors, "name", name, NAME_MAX, messages);
        tooLong(errors, "email", email, EMAIL_MAX, messages);
        if (!errors.containsKey("email") && !blank(email) && !EMAIL.matcher(email.strip()).matches()) {
            errors.put("email", messages.get("citizen.submit.error.email"));
        }
        if (!blank(phone) && !PHONE.matcher(phoneDigits()).matches()) {
            errors.put("phone", messages.get("citizen.submit.error.phone"));
        }
        // The API keeps contact details only with a name to address the person by.
        if (blank(name) && (!blank(email) || !blank(phone))) {
            errors.put("name", messages.get("citizen.submit.error.nameForContact"));
        }
        if (attachments > ATTACHMENTS_MAX) {
            errors.put("attachments", messages.get("citizen.submit.error.attachments", ATTACHMENTS_MAX));
        }
        return errors;
    }

    private void coordinates(Map<String, String> errors, Messages messages) {
        if (blank(latitude) && blank(longitude)) {
            return;
        }
        if (blank(latitude) || blank(longitude)) {
            errors.put(blank(latitude) ? "latitude" : "longitude", messages.get("citizen.submit.error.bothCoordinates"));
            return;
        }
        number(errors, "latitude", latitude, 90, messages);
        number(errors, "longitude", longitude, 180, messages);
    }

    private static void number(Map<String, String> errors, String field, String value, double limit, Messages messages) {
        try {
            double number = Double.parseDouble(value.strip().replace(',', '.'));
            if (Math.abs(number) > limit) {
                errors.put(field, messages.get("citizen.submit.error.range", -limit, limit));
            }
        } catch (NumberFormatException notANumber) {
            errors.put(field, messages.get("citizen.submit.error.number"));
        }
    }

    private static void required(Map<String, String> errors, String field, String value, int max, Messages messages) {
        if (blank(value)) {
            errors.put(field, messages.get("citizen.submit.error.required." + field));
        } else {
            tooLong(errors, field, value, max, messages);
        }
    }

    private static void tooLong(Map<String, String> errors, String field, String value, int max, Messages messages) {
        if (value != null && value.strip().length() > max) {
            errors.put(field, messages.get("citizen.submit.error.tooLong", max, value.strip().length()));
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static Double coordinate(String value) {
        return blank(value) ? null : Double.valueOf(value.strip().replace(',', '.'));
    }
}
