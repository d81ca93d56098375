package id.aduan.intake.sms;

import id.aduan.contracts.Codes;
import id.aduan.intake.submit.MessageText;
import id.aduan.intake.submit.MessageText.Read;
import id.aduan.intake.submit.MessageText.Reading;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an SMS to 1708. The structured form is {@code LAPOR#<region>#<category>#<title>#<description>}
 * (keyword in any case, spaces around the {@code #} ignored, the description may itself contain
 * {@code #}; without a description the title is the description too). Anything else, including a
 * structured form with a wrong code, is read as free text by {@link MessageText}, so a citizen who
 * gets the format wrong is still heard.
 */
final class SmsText {

    private static final Pattern STRUCTURED = Pattern.compile("^\\s*LAPOR\\s*#(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern REGION = Pattern.compile(Codes.REGION);
    private static final Pattern CATEGORY = Pattern.compile(Codes.CATEGORY);
    private static final int MAX_TITLE = 200;

    private SmsText() {
    }

    static Reading read(String text) {
        if (text == null) {
            return MessageText.read(null);
        }
        Matcher structured = STRUCTURED.matcher(text);
        if (!structured.matches()) {
            return MessageText.read(text);
        }
        String rest = structured.group(1);
        String[] parts = rest.split("#", 4);
        if (parts.length >= 3) {
            String region = parts[0].strip();
            String category = parts[1].strip().toUpperCase(Locale.ROOT);
            String title = parts[2].replaceAll("\\s+", " ").strip();
            String description = parts.length == 4 ? parts[3].strip() : title;
            if (REGION.matcher(region).matches() && CATEGORY.matcher(category).matches()
                    && !title.isEmpty() && title.length() <= MAX_TITLE
                    && !description.isEmpty() && description.length() <= MessageText.MAX_LENGTH) {
                return new Read(title, description, category, region);
            }
        }
        return MessageText.read(rest.replace('#', ' '));
    }
}
