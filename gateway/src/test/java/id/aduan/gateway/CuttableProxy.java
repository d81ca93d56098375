package id.aduan.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP forwarder on loopback in front of a server that can be cut, as a network partition or a
 * crashed server would be: open connections are dropped and new ones closed at once until restored.
 */
final class CuttableProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String upstreamHost;
    private final int upstreamPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "cuttable-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private boolean cut;

    CuttableProxy(String upstreamHost, int upstreamPort) {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.execute(this::accept);
    }

    /** The same MongoDB URI, through this proxy, connecting to that one server only. */
    String mongoUri(String upstreamUri) {
        URI upstream = URI.create(upstreamUri);
        return "mongodb://127.0.0.1:" + server.getLocalPort() + upstream.getPath() + "?directConnection=true";
    }

    synchronized void cut() {
        cut = true;
        open.forEach(CuttableProxy::close);
        open.clear();
    }

    synchronized void restore() {
        cut = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            connect(client);
        }
    }

    private synchronized void connect(Socket client) {
        if (cut) {
            close(client);
            return;
        }
        try {
            Socket upstream = new Socket(upstreamHost, upstreamPort);
            open.add(client);
            open.add(upstream);
            threads.execute(() -> pump(client, upstream));
            threads.execute(() -> pump(upstream, client));
        } catch (IOException e) {
            close(client);
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException dropped) {
            // Cut, or closed by either end: both sides go.
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already gone.
        }
    }

    @Override
    public void close() {
        cut();
        try {
            server.close();
        } catch (IOException ignored) {
            // Already closed.
        }
        threads.shutdownNow();
    }
}
