package id.aduan.web.console.erasure;

import id.aduan.reference.IndonesianRegions;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The erasure request as the coordinator fills it in, with the API's field names (POST
 * /api/v1/reporters/{reporterRef}/erasure, docs/personal-data.md, "Erasure").
 *
 * @param reporterRef the reference of any one of the person's complaints ({@code rep-…})
 * @param verification how the coordinator checked that the person asking is the reporter, never who they are
 * @param requestedAt the day the person asked, in WIB
 */
record ErasureForm(String reporterRef, String verification, String requestedAt) {

    static final int VERIFICATION_MAX = 2000;

    ErasureForm {
        reporterRef = reporterRef == null ? "" : reporterRef.strip();
        verification = verification == null ? "" : verification.strip();
        requestedAt = requestedAt == null ? "" : requestedAt.strip();
    }

    static ErasureForm empty() {
        return new ErasureForm("", "", "");
    }

    /**
     * What is wrong before asking the API, by field, in the person's words (message keys resolved by messages).
     * The API checks the same and more (a verification text naming the person is refused with 422).
     */
    Map<String, String> errors(LocalDate today, Function<String, String> messages) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (reporterRef.isEmpty()) {
            errors.put("reporterRef", messages.apply("form.required"));
        }
        if (verification.isEmpty()) {
            errors.put("verification", messages.apply("form.required"));
        } else if (verification.length() > VERIFICATION_MAX) {
            errors.put("verification", messages.apply("console.erasure.verification.tooLong"));
        }
        if (requestedAt.isEmpty()) {
            errors.put("requestedAt", messages.apply("form.required"));
        } else {
            try {
                if (LocalDate.parse(requestedAt).isAfter(today)) {
                    errors.put("requestedAt", messages.apply("console.erasure.requestedAt.future"));
                }
            } catch (DateTimeParseException notADate) {
                errors.put("requestedAt", messages.apply("console.erasure.requestedAt.notADate"));
            }
        }
        return errors;
    }

    /** The day asked on, once {@link #errors} found it a date. */
    public LocalDate requestedDay() {
        return LocalDate.parse(requestedAt);
    }

    /** The API's request body: the day becomes its first instant in WIB, which is never in the future. */
    Map<String, String> body() {
        return Map.of("verification", verification, "requestedAt",
                requestedDay().atStartOfDay(IndonesianRegions.NATIONAL_ZONE).toInstant().toString());
    }
}
