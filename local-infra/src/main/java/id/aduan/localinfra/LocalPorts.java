package id.aduan.localinfra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Ports on localhost: picking free ones, and failing early with a plain message when one is taken. */
public final class LocalPorts {

    private static final int LOWEST = 10_000;
    /** Never the same port twice in one JVM, for servers started one after another. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private LocalPorts() {
    }

    /** Throws unless {@code port} is free on localhost; {@code user} names who wants it, for the message. */
    public static void requireFree(int port, String user) {
        if (!isFree(port)) {
            throw new IllegalStateException("port %d for %s is already in use (is Aduan already running?)"
                    .formatted(port, user));
        }
    }

    /**
     * A port free now, for a server that binds it later, from outside the range the kernel hands out
     * for outgoing connections and for port 0: a port picked by binding port 0 was taken by another
     * process's connection before a service, starting tens of seconds later, bound it.
     */
    public static int free() {
        int below = ephemeralPortsStart();
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (HANDED_OUT.add(port) && isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port on localhost between %d and %d".formatted(LOWEST, below));
    }

    /** Returns the given ports with every 0 replaced by a {@link #free} port. */
    static int[] resolve(int... ports) {
        int[] resolved = ports.clone();
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] == 0) {
                resolved[i] = free();
            }
        }
        return resolved;
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first port of Linux's ephemeral range; elsewhere the default Linux start, below IANA's 49152. */
    private static int ephemeralPortsStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            return Math.max(LOWEST + 1_000, Integer.parseInt(range.split("\\s+")[0]));
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
