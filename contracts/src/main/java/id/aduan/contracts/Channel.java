package id.aduan.contracts;

/** How a complaint reached Aduan; reports break figures down by it. */
public enum Channel {
    WEB,
    MOBILE_APP,
    /** SMS 1708. */
    SMS,
    /** X/Twitter mentions and direct messages. */
    SOCIAL_MEDIA,
    WHATSAPP,
    INSTAGRAM,
    FACEBOOK,
    PHONE,
    LETTER,
    WALK_IN,
    OPEN311,
    /** Imported with its history from a retired local complaint app. */
    LEGACY_APP
}
