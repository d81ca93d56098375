package id.aduan.routing.subscription;

import id.aduan.testkit.AduanServiceTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A routing-service whose webhooks may use plain http on loopback, as the test receivers do. It only
 * feeds agencies, on a database, consumer group and topic prefix of its own, so that beside the
 * plain {@link AduanServiceTest} context in the same test JVM nothing is routed or delivered twice;
 * the tests write routing steps to aduan.routing themselves. Closed after each test class: two
 * contexts left open until the JVM exits take longer to close than the test runner waits.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@AduanServiceTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = {
        "spring.data.mongodb.database=aduan-it-subscriptions",
        "spring.cloud.function.definition=feedAgencies",
        "spring.cloud.stream.bindings.feedAgencies-in-0.group=" + SubscriptionTest.GROUP,
        "aduan.subscriptions.topic-prefix=" + SubscriptionTest.TOPIC_PREFIX,
        "aduan.subscriptions.webhooks.require-https=false",
        "aduan.subscriptions.webhooks.allow-internal-addresses=true",
        "aduan.subscriptions.delivery.first-retry=100ms",
        "aduan.subscriptions.delivery.max-retry=1s",
        "aduan.subscriptions.stream.heartbeat=1s"})
public @interface SubscriptionTest {

    String GROUP = "routing-service-subscriptions-it";
    String TOPIC_PREFIX = "aduan.it.agency.";
}
