package id.aduan.platform.events;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.EventEnvelope;
import id.aduan.contracts.MalformedEventException;
import id.aduan.testkit.Complaints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;

class EventConsumersTest {

    @Test
    @SuppressWarnings("unchecked")
    void aRoutingDecisionFromAServiceOtherThanRoutingIsRefusedBeforeItIsHandledOrRecorded() {
        MongoDatabase database = mock(MongoDatabase.class);
        MongoCollection<Inbox.Handled> inbox = mock(MongoCollection.class);
        when(database.getCollection(Inbox.COLLECTION, Inbox.Handled.class)).thenReturn(inbox);
        EventHandler handler = mock(EventHandler.class);
        EventEnvelope<?> forged = new EventEnvelope<>("evt-1", "/aduan/intake-service",
                Complaints.routed("ADU-3F7KQ9M2XD", "32.73.DPUPR", Instant.now()));

        // Malformed, so the binder dead-letters it at once (retryable-exceptions in aduan-platform-defaults.yml).
        assertThatThrownBy(() -> new EventConsumers(new Inbox(database, Clock.systemUTC()), Duration.ofSeconds(5))
                .consumer(handler).accept(MessageBuilder.withPayload(CloudEventCodec.encode(forged)).build()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("only /aduan/routing-service emits it");
        verifyNoInteractions(handler, inbox);
    }
}
