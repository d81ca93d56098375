package id.aduan.intake.notification;

/**
 * One notification as it goes out.
 *
 * @param id the step's event id and the channel: the same on every attempt, for receivers that deduplicate
 * @param text the e-mail's plain-text body
 * @param html the e-mail's HTML body
 * @param shortText the SMS or social-media reply: one line and the tracking link
 */
record Message(String id, String complaintId, String subject, String text, String html, String shortText,
        String trackingLink, String unsubscribeLink) {
}
