package id.aduan.intake.notification;

/**
 * The steps a reporter is told of; each names its message in the templates
 * ({@code notifications/messages*.properties}: {@code <step>.subject}, {@code <step>.body}, {@code <step>.sms}).
 */
enum Step {
    VERIFIED,
    ARCHIVED,
    DEFERRED,
    ASSIGNED,
    FOLLOWED_UP,
    QUESTION_ASKED,
    MARKED_COMPLETE,
    COMPLETED,
    REPORTER_WINDOW_REMINDER,
    COMPLETED_AUTOMATICALLY;

    String key() {
        return name().toLowerCase().replace('_', '-');
    }
}
