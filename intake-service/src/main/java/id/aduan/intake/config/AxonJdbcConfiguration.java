package id.aduan.intake.config;

import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.util.UUID;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event store, the processors' tokens and dead letters, and the idempotency keys live in PostgreSQL, on the one
 * DataSource, so that a key and the events it created commit in one transaction: Axon's JDBC storage
 * engine (gap-aware tracking tokens) and token store, on Spring's transaction manager (Axon's
 * auto-configuration supplies the connection provider and the SpringTransactionManager). The schema
 * is Flyway's (db/migration).
 */
@Configuration(proxyBeanMethods = false)
class AxonJdbcConfiguration {

    /**
     * How long the event store's reader waits between two reads when no commit woke it. Axon wakes it
     * only after a commit it made itself; a complaint created under a claimed idempotency key commits in
     * the caller's transaction, and a gap (a global index committed late) is read again only on the next
     * read: at Axon's default of 1 s both would wait up to a second before being published.
     */
    private static final long FETCH_DELAY_MILLIS = 100;

    /** PostgreSQL's SQLSTATE for a unique constraint that refused a row. */
    private static final String UNIQUE_VIOLATION = "23505";

    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
            PersistenceExceptionResolver duplicateKeyResolver, ConnectionProvider connectionProvider,
            TransactionManager transactionManager, EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .persistenceExceptionResolver(duplicateKeyResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .build();
    }

    /** As Axon's auto-configuration builds it, but reading every {@link #FETCH_DELAY_MILLIS} when idle. */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(FETCH_DELAY_MILLIS)
                .build();
    }

    /** Axon's current names (its defaults are the camel-case ones of its JPA days), as in V1__axon_event_store.sql. */
    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /** The dead-letter queue's table with the same naming, as in V5__dead_letters.sql. */
    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * Two writers of the same complaint collide on its (aggregate, sequence number) key: that must
     * become Axon's ConcurrencyException. Axon's default resolver looks only for
     * SQLIntegrityConstraintViolationException, which PostgreSQL's driver never throws.
     */
    @Bean
    PersistenceExceptionResolver duplicateKeyResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * A token owner per instance, not per JVM (Axon's default, "pid@host"): two instances in one JVM,
     * as in the tests, would otherwise both believe they hold the same claim and both publish.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(TokenSchema.builder()
                        .setTokenTable("token_entry")
                        .setProcessorNameColumn("processor_name")
                        .setSegmentColumn("segment")
                        .setTokenColumn("token")
                        .setTokenTypeColumn("token_type")
                        .setTimestampColumn("timestamp")
                        .setOwnerColumn("owner")
                        .build())
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID())
                .build();
    }
}
