package id.aduan.intake.submit;

import id.aduan.contracts.Channel;
import id.aduan.contracts.Codes;
import id.aduan.contracts.Location;
import id.aduan.intake.complaint.Reporter;
import id.aduan.intake.complaint.Submission;
import id.aduan.intake.web.KnownRegion;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The body of {@code POST /api/v1/complaints}, from the web and mobile apps. */
public record SubmitComplaintRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 10_000) String description,
        @NotBlank @Pattern(regexp = Codes.CATEGORY, message = "must be a dot-separated category code such as INFRA.ROAD")
        String categoryCode,
        @NotNull @Valid LocationRequest location,
        @Pattern(regexp = Codes.AGENCY, message = "must be an agency code such as 32.73.DUKCAPIL or KEMENKES")
        String addressedAgencyCode,
        AppChannel channel,
        Boolean anonymous,
        Boolean confidential,
        @Valid ReporterRequest reporter,
        @Size(max = 5) List<@NotBlank String> attachmentIds) {

    /** The channels that submit through this endpoint. */
    public enum AppChannel {
        WEB(Channel.WEB),
        MOBILE_APP(Channel.MOBILE_APP);

        private final Channel channel;

        AppChannel(Channel channel) {
            this.channel = channel;
        }
    }

    public record LocationRequest(
            @NotBlank @Pattern(regexp = Codes.REGION, message = "must be a Kemendagri region code such as 32.73.01") @KnownRegion
            String regionCode,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @Size(max = 500) String address) {

        public Location toLocation() {
            return new Location(regionCode, latitude, longitude, address);
        }
    }

    public record ReporterRequest(
            @NotBlank @Size(max = 100) String name,
            @Email @Size(max = 254) String email,
            @Pattern(regexp = "^\\+?[0-9]{8,15}$", message = "must be a phone number of 8 to 15 digits") String phone,
            @Pattern(regexp = "^[0-9]{16}$", message = "must be the 16 digits of a NIK") String nik) {

        /** The reporter, or null when no identity was given. */
        public static Reporter toReporter(ReporterRequest request) {
            return request == null ? null
                    : new Reporter(request.name(), request.email(), request.phone(), request.nik(), null);
        }
    }

    /** The app's submission, received now. */
    Submission toSubmission(Instant now) {
        return new Submission(channel == null ? Channel.WEB : channel.channel, title, description, categoryCode,
                location.toLocation(), addressedAgencyCode, now, Boolean.TRUE.equals(anonymous), Boolean.TRUE.equals(confidential));
    }
}
