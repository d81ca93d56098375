package id.aduan.platform.deadletters;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.messaging.Message;

/**
 * The consumer function behind each of the service's input bindings, found from what a dead letter
 * says about itself (its consumer group and original topic): re-driving calls the very function the
 * binding calls, so the inbox and the handlers' idempotence apply as to any redelivery.
 */
final class BindingConsumers {

    private static final String INPUT = "-in-";

    private final BindingServiceProperties bindings;
    private final ListableBeanFactory beans;

    BindingConsumers(BindingServiceProperties bindings, ListableBeanFactory beans) {
        this.bindings = bindings;
        this.beans = beans;
    }

    @SuppressWarnings("unchecked")
    Optional<Consumer<Message<byte[]>>> of(String group, String topic) {
        return bindings.getBindings().keySet().stream()
                .filter(name -> name.contains(INPUT))
                .filter(name -> group != null && group.equals(bindings.getGroup(name)))
                .filter(name -> bindings.getBindingDestination(name) != null
                        && Arrays.asList(bindings.getBindingDestination(name).split("\\s*,\\s*")).contains(topic))
                .map(name -> name.substring(0, name.lastIndexOf(INPUT)))
                .filter(function -> beans.containsBean(function) && beans.getBean(function) instanceof Consumer<?>)
                .map(function -> (Consumer<Message<byte[]>>) beans.getBean(function))
                .findFirst();
    }
}
