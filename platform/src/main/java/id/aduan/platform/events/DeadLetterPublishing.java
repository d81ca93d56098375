package id.aduan.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.MessagingException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Retries and dead-letters in the listener container rather than in the binding. The binding's own
 * dead-letter sender only logs a failed send and commits past the event anyway; here a send the broker
 * did not acknowledge fails the recovery, so the container seeks back to the event and tries it again
 * (retries, then the dead-letter topic) until the topic takes it: an outage loses nothing.
 * Dead letters carry spring-kafka's {@code kafka_dlt-*} headers (docs/dead-letters.md).
 */
final class DeadLetterPublishing implements ListenerContainerWithDlqAndRetryCustomizer {

    private final KafkaOperations<?, ?> kafka;

    DeadLetterPublishing(KafkaOperations<?, ?> kafka) {
        this.kafka = kafka;
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        configure(container, destinationName, group, dlqDestinationResolver, backOff, null);
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff,
            ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        // No back-off from the binder means max-attempts 1: no retry.
        BackOff retries = backOff == null ? new FixedBackOff(0, 0) : backOff;
        DefaultErrorHandler errors;
        if (dlqDestinationResolver == null) {
            errors = new DefaultErrorHandler(retries);
        } else {
            DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka, dlqDestinationResolver);
            // Recovery succeeds only once the broker stored the dead letter.
            deadLetters.setFailIfSendResultIsError(true);
            // The container does not know its group (the binder sets it as a consumer property): the letter
            // names it, so re-driving finds the binding that gave up on it (docs/dead-letters.md).
            if (group != null) {
                deadLetters.setHeadersFunction((record, e) -> new RecordHeaders(new Header[] {
                        new RecordHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, group.getBytes(StandardCharsets.UTF_8))}));
            }
            ConsumerAwareRecordRecoverer recoverer = (record, consumer, e) -> deadLetters.accept(record, consumer, failureOf(e));
            errors = new DefaultErrorHandler(recoverer, retries);
        }
        if (properties != null) {
            // retryable-exceptions (platform defaults): a malformed event goes to the dead letters at once.
            properties.getRetryableExceptions().forEach((type, retryable) -> {
                if (!retryable) {
                    errors.addNotRetryableExceptions(type.asSubclass(Exception.class));
                }
            });
        }
        container.setCommonErrorHandler(errors);
    }

    /** The handler's own exception, for the letter's headers, rather than the listener's and binder's wrappers around it. */
    private static Exception failureOf(Exception e) {
        Throwable failure = e;
        while ((failure instanceof ListenerExecutionFailedException || failure instanceof MessagingException)
                && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure instanceof Exception handlers ? handlers : e;
    }
}
