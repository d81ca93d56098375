package id.aduan.contracts;

/**
 * What kind of report a complaint is, set by the coordinator at verification. The kind decides
 * the follow-up deadline (see docs/events.md and the domain notes).
 */
public enum Classification {
    /** Aspirasi: a suggestion or aspiration. */
    ASPIRATION,
    /** Permintaan informasi: a request for information. */
    INFORMATION_REQUEST,
    /** Pengaduan tidak berkadar pengawasan: a complaint that needs no field examination. */
    COMPLAINT_NO_SUPERVISORY_WEIGHT,
    /** Pengaduan berkadar pengawasan: a complaint that needs a field examination or audit. */
    COMPLAINT_SUPERVISORY_WEIGHT
}
