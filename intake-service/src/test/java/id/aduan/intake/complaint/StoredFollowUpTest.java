package id.aduan.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** Follow-ups stored before they took uploads described files stored elsewhere, without an id; they still read. */
class StoredFollowUpTest {

    @Test
    void aFollowUpStoredWithAttachmentsWithoutIdsStillReads() {
        String stored = """
                {"complaintId":"ADU-3F7KQ9M2XD","agencyCode":"32.73.DPUPR","text":"Dijadwalkan.","followedUpAt":"2026-03-02T01:15:00Z",
                 "attachments":[{"name":"jadwal.pdf","mediaType":"application/pdf","size":2048,"sha256":"9f86d0"}]}""";
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        ComplaintFollowedUpEvent event = serializer.deserialize(new SimpleSerializedObject<>(
                stored.getBytes(StandardCharsets.UTF_8), byte[].class,
                new SimpleSerializedType(ComplaintFollowedUpEvent.class.getName(), null)));
        assertThat(event.attachments()).containsExactly(new Submission.Attachment(null, "jadwal.pdf", "application/pdf", 2048, "9f86d0"));
    }
}
