package id.aduan.launcher;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import id.aduan.localinfra.LocalPorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spring Boot services, each running as its own child JVM with its output appended to
 * {@code <logDir>/<module>.log}. Started together and stopped together.
 */
public final class ServiceProcesses implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcesses.class);
    /**
     * JVM options of every service, chosen by measuring ready time and resident memory under load
     * (docs/benchmarks.md, "Footprint"): the serial collector (no parallel GC threads on 2 cores, the
     * smallest overhead per heap byte), the C1 compiler only (the C2 compiler was still taking a
     * quarter to a half of each service's CPU minutes into a load, seven JVMs on 2 cores; C1 alone cut
     * the suite's CPU per complaint and its start), smaller thread stacks and code cache, two Netty
     * event loops. {@code ADUAN_JAVA_OPTS} replaces them (to measure alternatives); {@code ADUAN_<MODULE>_OPTS}
     * (e.g. {@code ADUAN_GATEWAY_OPTS}) adds options and {@code -Dkey=value} properties for one service.
     */
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
            "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=256m", "-Dreactor.netty.ioWorkerCount=2");
    /** Heap ceilings: what each service needs under load with room to spare (docs/benchmarks.md, "Footprint"). */
    private static final Map<String, String> MAX_HEAP = Map.of("auth-server", "-Xmx128m", "gateway", "-Xmx192m");
    private static final String DEFAULT_MAX_HEAP = "-Xmx320m";
    private static final String READINESS_PATH = "/actuator/health/readiness";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int TAIL_LINES = 40;
    private static final int TAIL_BYTES = 64 * 1024;
    /**
     * Runs the child with SIGINT ignored (the JVM keeps an inherited SIG_IGN), so a Ctrl-C in the
     * terminal, which reaches the whole process group, stops only the launcher; the launcher then
     * stops the children with SIGTERM in its own order.
     */
    private static final List<String> IGNORING_SIGINT = List.of("/bin/sh", "-c", "trap '' INT; exec \"$0\" \"$@\"");

    private final List<Child> children = new ArrayList<>();
    private volatile boolean closing;

    /** {@code logStart}: where this run's output begins in a log that earlier runs appended to. */
    private record Child(ServiceSpec spec, Process process, Path logFile, long logStart) {

        String module() {
            return spec.module();
        }
    }

    private ServiceProcesses() {
    }

    /**
     * Starts every service, then waits until each answers 200 on {@code /actuator/health/readiness}.
     * If one exits first, or {@code readyTimeout} passes, or the waiting thread is interrupted, stops
     * them all and throws an {@link IllegalStateException} carrying the end of the failing service's log.
     */
    public static ServiceProcesses start(Path home, List<ServiceSpec> specs, Path logDir, Duration readyTimeout) {
        // Checked before anything starts: an old instance still on a port would answer for the new one.
        specs.forEach(spec -> {
            requireJar(home, spec);
            LocalPorts.requireFree(spec.port(), spec.module());
        });
        createDirectories(logDir);
        log.info("Starting {}; logs in {}", specs.stream().map(ServiceSpec::module).collect(Collectors.joining(", ")), logDir);
        ServiceProcesses services = new ServiceProcesses();
        try {
            for (ServiceSpec spec : specs) {
                services.children.add(launch(home, spec, logDir));
            }
            services.awaitReady(readyTimeout);
        } catch (InterruptedException e) {
            services.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the services to be ready", e);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        services.children.forEach(services::warnIfItStops);
        return services;
    }

    /**
     * Stops the services: SIGTERM to all of them, gateway first, so each shuts down gracefully at
     * the same time as the others; a service still running after 30 s is killed.
     */
    @Override
    public synchronized void close() {
        if (closing) {
            return;
        }
        closing = true;
        List<Child> running = new ArrayList<>(children);
        Collections.reverse(running);
        running.removeIf(child -> !child.process().isAlive());
        running.forEach(child -> {
            log.info("Stopping {}", child.module());
            child.process().destroy();
        });
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        running.forEach(child -> awaitExit(child, deadline));
    }

    private static Child launch(Path home, ServiceSpec spec, Path logDir) {
        List<String> java = new ArrayList<>(List.of(javaBinary()));
        java.addAll(jvmOptions(spec.module(), System.getenv()));
        java.addAll(List.of("-jar", jar(home, spec).toString(), "--server.port=" + spec.port()));
        spec.properties().forEach((key, value) -> java.add("--" + key + "=" + value));
        List<String> command = new ArrayList<>();
        if (new File(IGNORING_SIGINT.get(0)).canExecute()) {
            command.addAll(IGNORING_SIGINT);
        }
        command.addAll(java);
        Path logFile = logDir.resolve(spec.module() + ".log");
        try {
            long logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
            Files.writeString(logFile, "%n=== %s started by the Aduan launcher: %s%n".formatted(
                            OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS), String.join(" ", java)),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Process process = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(logFile.toFile()))
                    .start();
            return new Child(spec, process, logFile, logStart);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.module(), e);
        }
    }

    /** The JVM options of a module's process, given the launcher's environment. */
    static List<String> jvmOptions(String module, Map<String, String> environment) {
        List<String> options = new ArrayList<>();
        String replaced = environment.get("ADUAN_JAVA_OPTS");
        if (replaced != null) {
            options.addAll(words(replaced));
        } else {
            options.add(MAX_HEAP.getOrDefault(module, DEFAULT_MAX_HEAP));
            options.addAll(JVM_OPTIONS);
        }
        options.addAll(words(environment.get("ADUAN_" + module.toUpperCase(Locale.ROOT).replace('-', '_') + "_OPTS")));
        return options;
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        long startedAt = System.nanoTime();
        long deadline = startedAt + timeout.toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        List<Child> waiting = new ArrayList<>(children);
        while (true) {
            for (Child child : List.copyOf(waiting)) {
                if (!child.process().isAlive()) {
                    throw new IllegalStateException("%s exited with code %d before it was ready.%s"
                            .formatted(child.module(), child.process().exitValue(), tail(child)));
                }
                if (isReady(http, child)) {
                    waiting.remove(child);
                    log.info("{} ready on port {} after {} s", child.module(), child.spec().port(), secondsSince(startedAt));
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("not ready after %d s: %s%s".formatted(
                        timeout.toSeconds(),
                        waiting.stream().map(Child::module).collect(Collectors.joining(", ")),
                        waiting.stream().map(ServiceProcesses::tail).collect(Collectors.joining())));
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    private static boolean isReady(HttpClient http, Child child) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + child.spec().port() + READINESS_PATH))
                .timeout(Duration.ofSeconds(2))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    private void warnIfItStops(Child child) {
        child.process().onExit().thenAccept(process -> {
            if (!closing) {
                log.warn("{} stopped unexpectedly with exit code {}; see {}", child.module(), process.exitValue(), child.logFile());
            }
        });
    }

    private static void awaitExit(Child child, long deadline) {
        Process process = child.process();
        try {
            if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                log.warn("{} did not stop within {} s; killing it", child.module(), STOP_TIMEOUT.toSeconds());
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void requireJar(Path home, ServiceSpec spec) {
        if (!Files.isRegularFile(jar(home, spec))) {
            throw new IllegalStateException("%s is missing: build the services first (./mvnw -DskipTests package)"
                    .formatted(jar(home, spec)));
        }
    }

    private static Path jar(Path home, ServiceSpec spec) {
        return home.resolve(spec.module()).resolve("target").resolve(spec.module() + ".jar");
    }

    /** The java that runs this launcher, so that the children run on the same JDK. */
    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The last lines this run wrote to a child's log, indented, after a line naming the file. */
    private static String tail(Child child) {
        try (RandomAccessFile file = new RandomAccessFile(child.logFile().toFile(), "r")) {
            long from = Math.max(child.logStart(), file.length() - TAIL_BYTES);
            byte[] end = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(end);
            List<String> lines = Arrays.asList(new String(end, StandardCharsets.UTF_8).strip().split("\\R"));
            return "%nLast lines of %s:%n    %s".formatted(child.logFile(),
                    String.join(System.lineSeparator() + "    ", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())));
        } catch (IOException e) {
            return "%n(cannot read %s: %s)".formatted(child.logFile(), e.getMessage());
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    private static String secondsSince(long startedAt) {
        return "%.1f".formatted((System.nanoTime() - startedAt) / 1e9);
    }
}
