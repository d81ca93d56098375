package id.aduan.intake.manualentry;

import id.aduan.contracts.Channel;
import id.aduan.contracts.Codes;
import id.aduan.intake.complaint.Submission;
import id.aduan.intake.submit.ComplaintIntake.Incoming;
import id.aduan.intake.submit.SubmitComplaintRequest.LocationRequest;
import id.aduan.intake.submit.SubmitComplaintRequest.ReporterRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A complaint an admin types in from a channel Aduan does not receive itself: one form, or one
 * row of a batch.
 *
 * @param receivedAt when the channel originally received it
 */
public record ManualEntryRequest(
        @NotNull ManualChannel channel,
        @NotNull @PastOrPresent Instant receivedAt,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 10_000) String description,
        @NotBlank @Pattern(regexp = Codes.CATEGORY, message = "must be a dot-separated category code such as INFRA.ROAD")
        String categoryCode,
        @NotNull @Valid LocationRequest location,
        @Pattern(regexp = Codes.AGENCY, message = "must be an agency code such as 32.73.DUKCAPIL or KEMENKES")
        String addressedAgencyCode,
        Boolean anonymous,
        Boolean confidential,
        @Valid ReporterRequest reporter,
        @Size(max = 5) List<@NotBlank String> attachmentIds) {

    /** The channels whose complaints are typed in by an admin. */
    public enum ManualChannel {
        WHATSAPP(Channel.WHATSAPP),
        INSTAGRAM(Channel.INSTAGRAM),
        FACEBOOK(Channel.FACEBOOK),
        PHONE(Channel.PHONE),
        LETTER(Channel.LETTER),
        WALK_IN(Channel.WALK_IN);

        private final Channel channel;

        ManualChannel(Channel channel) {
            this.channel = channel;
        }
    }

    /** What the form says, for intake, entered by this admin. */
    public Incoming toIncoming(String admin) {
        Submission submission = new Submission(channel.channel, title, description, categoryCode, location.toLocation(),
                addressedAgencyCode, receivedAt, Boolean.TRUE.equals(anonymous), Boolean.TRUE.equals(confidential));
        return new Incoming(submission, ReporterRequest.toReporter(reporter), attachmentIds, admin);
    }
}
