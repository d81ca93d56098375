package id.aduan.web.citizen;

import java.util.Locale;
import org.springframework.context.MessageSource;

/** The citizen pages' messages in the person's language, for what a controller writes (validation, notices). */
public record Messages(MessageSource source, Locale locale) {

    public String get(String key, Object... arguments) {
        return source.getMessage(key, arguments, locale);
    }
}
