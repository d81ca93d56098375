package id.aduan.launcher;

import java.util.Map;

/**
 * One Spring Boot service to run as a child JVM: the jar {@code <home>/<module>/target/<module>.jar},
 * started with {@code --server.port=<port>} and {@code --<key>=<value>} for every property.
 */
public record ServiceSpec(String module, int port, Map<String, String> properties) {

    public ServiceSpec {
        properties = Map.copyOf(properties);
    }
}
