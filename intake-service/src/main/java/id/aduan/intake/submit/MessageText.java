package id.aduan.intake.submit;

import id.aduan.contracts.Channel;
import id.aduan.contracts.Codes;
import id.aduan.contracts.Location;
import id.aduan.intake.complaint.Submission;
import id.aduan.reference.IndonesianRegions;
import java.time.Instant;
import java.util.regex.Matcher;

/**
 * A complaint read from the free text of a message (an SMS, a post): the whole text is the
 * description, its first words the title, the category {@value #GENERAL_CATEGORY}, and the region
 * the Kemendagri code in an optional trailing {@code #NN.NN}, or {@value #REGION_NOT_GIVEN} when
 * there is none or the reference does not know it, for the coordinators to set at verification.
 */
public final class MessageText {

    public static final String GENERAL_CATEGORY = "GENERAL";
    public static final String REGION_NOT_GIVEN = "00";
    public static final int TITLE_LENGTH = 60;
    public static final int MAX_LENGTH = 10_000;

    private static final java.util.regex.Pattern TRAILING_REGION = java.util.regex.Pattern.compile(
            "(?:^|\\s)#\\s*(" + Codes.REGION.substring(1, Codes.REGION.length() - 1) + ")\\s*$");

    private MessageText() {
    }

    /** What a message says, or why it cannot be a complaint. */
    public sealed interface Reading permits Read, Unreadable {
    }

    public record Read(String title, String description, String categoryCode, String regionCode) implements Reading {

        /** A sender cannot be asked to fix a region the reference does not know: the coordinators set it. */
        public Read {
            regionCode = IndonesianRegions.shipped().known(regionCode) ? regionCode : REGION_NOT_GIVEN;
        }

        /** The submission of a message the channel received at the given time, which cannot be after now. */
        public Submission toSubmission(Channel channel, Instant receivedAt, Instant now) {
            // A gateway's clock a little ahead must not lose the message.
            return new Submission(channel, title, description, categoryCode, Location.of(regionCode), null,
                    receivedAt.isAfter(now) ? now : receivedAt, false, false);
        }
    }

    /** @param reason in Indonesian, for the reply to the citizen */
    public record Unreadable(String reason) implements Reading {
    }

    public static Reading read(String text) {
        if (text == null) {
            return new Unreadable("pesan kosong");
        }
        String body = text.strip();
        String region = REGION_NOT_GIVEN;
        Matcher tag = TRAILING_REGION.matcher(body);
        if (tag.find()) {
            region = tag.group(1);
            body = body.substring(0, tag.start()).strip();
        }
        if (body.isEmpty()) {
            return new Unreadable("isi laporan kosong");
        }
        if (body.length() > MAX_LENGTH) {
            return new Unreadable("isi laporan lebih dari " + MAX_LENGTH + " karakter");
        }
        return new Read(titleOf(body), body, GENERAL_CATEGORY, region);
    }

    /** The first words of a text on one line, cut at a word boundary near {@value #TITLE_LENGTH} characters. */
    public static String titleOf(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        if (line.codePointCount(0, line.length()) <= TITLE_LENGTH) {
            return line;
        }
        String cut = line.substring(0, line.offsetByCodePoints(0, TITLE_LENGTH));
        int space = cut.lastIndexOf(' ');
        return (space > TITLE_LENGTH / 2 ? cut.substring(0, space) : cut) + "…";
    }
}
