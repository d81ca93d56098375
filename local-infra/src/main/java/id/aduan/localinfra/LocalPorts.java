package id.aduan.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Ports on localhost: picking free ones, and failing early with a plain message when one is taken. */
public final class LocalPorts {

    private LocalPorts() {
    }

    /** Throws unless {@code port} is free on localhost; {@code user} names who wants it, for the message. */
    public static void requireFree(int port, String user) {
        try {
            new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
        } catch (IOException e) {
            throw new IllegalStateException("port %d for %s is already in use (is Aduan already running?)"
                    .formatted(port, user), e);
        }
    }

    /** Returns the given ports with every 0 replaced by a free port, no two of them the same. */
    static int[] resolve(int... ports) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] resolved = ports.clone();
            for (int i = 0; i < resolved.length; i++) {
                if (resolved[i] == 0) {
                    // Held open until all are picked, so the OS cannot hand out the same port twice.
                    ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    held.add(socket);
                    resolved[i] = socket.getLocalPort();
                }
            }
            return resolved;
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on localhost", e);
        } finally {
            held.forEach(LocalPorts::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Only a probe: nothing to recover.
        }
    }
}
