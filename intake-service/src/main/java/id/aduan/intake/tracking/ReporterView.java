package id.aduan.intake.tracking;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.aduan.intake.complaint.Reporter;

/**
 * The reporter as one audience may see them in a complaint's view.
 *
 * @param status IDENTIFIED with what this audience may see, ANONYMOUS (anonim: hidden from everyone
 *     but the reporter), or ERASED: the reporter's key was erased and nobody can know any more
 * @param reporterRef only for coordinators and the reporter: what an erasure request names
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReporterView(Status status, String reporterRef, String name, String email, String phone, String nik,
        String socialMediaHandle) {

    public enum Status {
        IDENTIFIED,
        ANONYMOUS,
        ERASED
    }

    static final ReporterView ANONYMOUS = new ReporterView(Status.ANONYMOUS, null, null, null, null, null, null);
    static final ReporterView ERASED = new ReporterView(Status.ERASED, null, null, null, null, null, null);

    static ReporterView of(Reporter reporter, Audience.Identity seen, String reporterRef) {
        return seen == Audience.Identity.FULL
                ? new ReporterView(Status.IDENTIFIED, reporterRef, reporter.name(), reporter.email(), reporter.phone(),
                        reporter.nik(), reporter.socialMediaHandle())
                : new ReporterView(Status.IDENTIFIED, null, reporter.name(), null, null, null, null);
    }
}
