package id.aduan.testkit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;

/** Reads and sets topics' configs on the test kit's broker, as an operator would with kafka-configs.sh. */
public final class TopicConfigs {

    private TopicConfigs() {
    }

    /** The value the broker applies to the topic (its own or the broker's default). */
    public static String of(String topic, String name) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return call(admin -> admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS)
                .get(resource).get(name).value());
    }

    public static void set(String topic, String name, String value) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        call(admin -> admin.incrementalAlterConfigs(Map.of(resource,
                List.of(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS));
    }

    /** Creates the topic with the broker's defaults, as a topic created before a config was declared. */
    public static void create(String topic, int partitions) {
        call(admin -> admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS));
    }

    private interface AdminCall<T> {
        T on(Admin admin) throws InterruptedException, ExecutionException, TimeoutException;
    }

    private static <T> T call(AdminCall<T> call) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers()))) {
            return call.on(admin);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka admin call failed", e);
        }
    }
}
