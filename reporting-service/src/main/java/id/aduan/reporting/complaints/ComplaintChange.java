package id.aduan.reporting.complaints;

import java.util.Map;
import java.util.Objects;

/**
 * What one event changes in its complaint's document: the fields that event owns, written only when
 * the event is newer than what the document holds for them. Each kind of event owns fields no other
 * kind writes, so changes commute: any order and any repetition of the same events gives the same document.
 *
 * @param versionField the owned field, among {@code fields}, whose time tells which of two changes is newer
 * @param fields dotted field paths and their values; a null value clears a field
 */
record ComplaintChange(String complaintId, String versionField, Map<String, Object> fields) {

    ComplaintChange {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(fields.get(versionField), () -> "no value for the version field " + versionField);
    }

    Object version() {
        return fields.get(versionField);
    }
}
