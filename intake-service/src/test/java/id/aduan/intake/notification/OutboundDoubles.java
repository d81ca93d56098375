package id.aduan.intake.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import id.aduan.platform.security.HmacSignature;
import id.aduan.testkit.AduanServiceTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The SMS gateway's outbound interface as a small HTTP server in the test JVM, and quick retries, for
 * every intake {@link AduanServiceTest} alike (so they still share one context): a reporter with a phone
 * number is replied to here. A test scripts the answers for one number and reads what arrived.
 */
public class OutboundDoubles implements ContextCustomizerFactory {

    static final String SMS_SECRET = "sms-gateway-test-secret";
    static final SmsGateway SMS = SmsGateway.start();

    /** A call as it arrived, and the status it was answered with. */
    record Call(Map<String, Object> body, String signature, String signatureOfBody, String delivery, int status) {
    }

    static final class SmsGateway {

        private static final ObjectMapper JSON = new ObjectMapper();
        private final HttpServer server;
        private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();
        private final List<Call> calls = new CopyOnWriteArrayList<>();

        private SmsGateway(HttpServer server) {
            this.server = server;
        }

        static SmsGateway start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                SmsGateway gateway = new SmsGateway(server);
                server.createContext("/outbound", exchange -> {
                    byte[] bytes = exchange.getRequestBody().readAllBytes();
                    @SuppressWarnings("unchecked")
                    Map<String, Object> body = JSON.readValue(bytes, Map.class);
                    Deque<Integer> answers = gateway.scripted.get(String.valueOf(body.get("to")));
                    Integer scriptedStatus = answers == null ? null : answers.poll();
                    int status = scriptedStatus == null ? 200 : scriptedStatus;
                    gateway.calls.add(new Call(body, exchange.getRequestHeaders().getFirst(HmacSignature.HEADER),
                            HmacSignature.sign(SMS_SECRET, bytes), exchange.getRequestHeaders().getFirst(Outbound.DELIVERY_HEADER),
                            status));
                    exchange.sendResponseHeaders(status, -1);
                    exchange.close();
                });
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
                return gateway;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String url() {
            return "http://localhost:" + server.getAddress().getPort() + "/outbound";
        }

        /** The next calls for this number are answered with these statuses, then 200. */
        void answer(String to, Integer... statuses) {
            scripted.put(to, new ConcurrentLinkedDeque<>(List.of(statuses)));
        }

        List<Call> callsTo(String to) {
            return calls.stream().filter(call -> to.equals(call.body().get("to"))).toList();
        }
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        if (!MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY).isPresent(AduanServiceTest.class)) {
            return null;
        }
        return new Settings();
    }

    /** The settings every intake under test runs with: the SMS gateway double and quick retries. */
    static Map<String, Object> properties() {
        return Map.of(
                "aduan.notifications.sms.url", SMS.url(),
                "aduan.notifications.sms.secret", SMS_SECRET,
                "aduan.notifications.delivery.interval", "200ms",
                "aduan.notifications.delivery.first-backoff", "300ms",
                "aduan.notifications.delivery.max-backoff", "2s");
    }

    /** Equal to every other, so Spring caches one context per test configuration as usual. */
    private static final class Settings implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("intake-outbound-doubles", properties()));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Settings;
        }

        @Override
        public int hashCode() {
            return Settings.class.hashCode();
        }
    }
}
