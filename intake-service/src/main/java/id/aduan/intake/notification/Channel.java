package id.aduan.intake.notification;

/** Where a reporter is told: one sent-log row per step and channel. */
enum Channel {
    EMAIL, SMS, SOCIAL_MEDIA
}
