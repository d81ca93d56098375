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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import id.aduan.localinfra.LocalPorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spring Boot services, each running as its own child JVM with its output appended to
 * {@code <logDir>/<module>.log}. Started together and stopped together; in between, a service that
 * crashes is restarted, and one can be restarted, killed or given more instances on purpose
 * ({@link ControlServer}, for the fault-injection run of docs/benchmarks.md).
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
    private static final Map<String, String> MAX_HEAP = Map.of("auth-server", "-Xmx128m", "web", "-Xmx192m", "gateway", "-Xmx192m");
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

    /** After an unexpected exit, the first restart waits this long; each further one twice as long as the last. */
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    /** A service that ran this long before crashing is restarted after the first backoff again. */
    private static final Duration STABLE_RUN = Duration.ofMinutes(5);

    private final Path home;
    private final Path logDir;
    private final Duration readyTimeout;
    private final List<Child> children = new ArrayList<>();
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "aduan-restarts");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closing;
    /** Off while the suite starts: a service that fails then fails the start instead. */
    private volatile boolean supervising;

    /**
     * One running JVM of a module: instance 1 on the module's port, further instances (added by
     * {@link #scale}) on free ports. {@code logStart}: where this run's output begins in a log that
     * earlier runs appended to. {@code stopping}: stopped on purpose, so not restarted.
     */
    private static final class Child {
        final ServiceSpec spec;
        final int instance;
        final Process process;
        final Path logFile;
        final long logStart;
        final long startedAt = System.nanoTime();
        final Duration backoff;
        volatile boolean stopping;

        Child(ServiceSpec spec, int instance, Process process, Path logFile, long logStart, Duration backoff) {
            this.spec = spec;
            this.instance = instance;
            this.process = process;
            this.logFile = logFile;
            this.logStart = logStart;
            this.backoff = backoff;
        }

        String module() {
            return spec.module();
        }

        String name() {
            return instance == 1 ? module() : module() + "#" + instance;
        }
    }

    private ServiceProcesses(Path home, Path logDir, Duration readyTimeout) {
        this.home = home;
        this.logDir = logDir;
        this.readyTimeout = readyTimeout;
    }

    /**
     * Starts every service, then waits until each answers 200 on {@code /actuator/health/readiness}.
     * If one exits first, or {@code readyTimeout} passes, or the waiting thread is interrupted, stops
     * them all and throws an {@link IllegalStateException} carrying the end of the failing service's log.
     * From then on a service that exits unexpectedly is restarted, after a backoff that doubles from
     * 1 s up to 1 min with every crash in a row, and the log says so.
     */
    public static ServiceProcesses start(Path home, List<ServiceSpec> specs, Path logDir, Duration readyTimeout) {
        // Checked before anything starts: an old instance still on a port would answer for the new one.
        specs.forEach(spec -> {
            requireJar(home, spec);
            LocalPorts.requireFree(spec.port(), spec.module());
        });
        createDirectories(logDir);
        log.info("Starting {}; logs in {}", specs.stream().map(ServiceSpec::module).collect(Collectors.joining(", ")), logDir);
        ServiceProcesses services = new ServiceProcesses(home, logDir, readyTimeout);
        try {
            List<Child> started = new ArrayList<>();
            for (ServiceSpec spec : specs) {
                started.add(services.launch(spec, 1, FIRST_BACKOFF));
            }
            awaitReady(started, readyTimeout);
        } catch (InterruptedException e) {
            services.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the services to be ready", e);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        services.supervising = true;
        return services;
    }

    /**
     * Stops the services: SIGTERM to all of them, gateway first, so each shuts down gracefully at
     * the same time as the others; a service still running after 30 s is killed.
     */
    @Override
    public void close() {
        List<Child> running;
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            restarts.shutdownNow();
            running = new ArrayList<>(children);
        }
        Collections.reverse(running);
        stop(running);
    }

    /** Every running JVM: module, instance, port, process id. */
    public synchronized List<String> status() {
        return children.stream()
                .map(child -> "%-18s %-2d port %-5d pid %-7d up %s s".formatted(child.module(), child.instance,
                        child.spec.port(), child.process.pid(), secondsSince(child.startedAt)))
                .toList();
    }

    /** Stops every instance of a module gracefully and starts them again; returns once they are ready. */
    public void restart(String module) throws InterruptedException {
        around(module, () -> { });
    }

    /**
     * Stops every instance of a module gracefully, runs {@code meanwhile} (e.g. moving its consumer
     * groups' offsets, which Kafka allows only while a group is empty), then starts them again and
     * returns once they are ready.
     */
    public void around(String module, Runnable meanwhile) throws InterruptedException {
        List<Child> instances = instances(module);
        stop(instances);
        List<Child> started = new ArrayList<>();
        try {
            meanwhile.run();
        } finally { // started again even when the work in between failed
            for (Child instance : instances) {
                started.add(launch(instance.spec, instance.instance, FIRST_BACKOFF));
            }
        }
        awaitReady(started, readyTimeout);
    }

    /** Kills every instance of a module at once (SIGKILL), as a crash would; the supervision restarts them. */
    public List<Long> kill(String module) {
        return instances(module).stream().map(child -> {
            child.process.destroyForcibly();
            return child.process.pid();
        }).toList();
    }

    /**
     * Runs {@code count} instances of a module: starts the missing ones on free ports and waits until
     * they are ready, or stops the newest ones gracefully.
     */
    public void scale(String module, int count) throws InterruptedException {
        if (count < 1) {
            throw new IllegalArgumentException("at least one instance of " + module + " runs");
        }
        List<Child> instances = instances(module);
        if (count < instances.size()) {
            stop(instances.subList(count, instances.size()));
            return;
        }
        ServiceSpec first = instances.get(0).spec;
        List<Child> started = new ArrayList<>();
        for (int instance = instances.size() + 1; instance <= count; instance++) {
            ServiceSpec spec = new ServiceSpec(module, LocalPorts.free(), first.properties());
            started.add(launch(spec, instance, FIRST_BACKOFF));
        }
        awaitReady(started, readyTimeout);
    }

    private synchronized List<Child> instances(String module) {
        List<Child> instances = children.stream().filter(child -> child.module().equals(module))
                .sorted(Comparator.comparingInt(child -> child.instance)).toList();
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("no service named " + module);
        }
        return instances;
    }

    /** SIGTERM to each, then waits for all of them; one still running after 30 s is killed. */
    private void stop(List<Child> stopping) {
        List<Child> running = new ArrayList<>(stopping);
        running.forEach(child -> child.stopping = true);
        running.removeIf(child -> !child.process.isAlive());
        running.forEach(child -> {
            log.info("Stopping {}", child.name());
            child.process.destroy();
        });
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        running.forEach(child -> awaitExit(child, deadline));
        synchronized (this) {
            children.removeAll(stopping);
        }
    }

    /** Restarts a child that exited without being asked to, unless the services are closing. */
    private void superviseExit(Child child, Process process) {
        if (child.stopping || closing || !supervising) {
            return;
        }
        boolean ranLong = System.nanoTime() - child.startedAt > STABLE_RUN.toNanos();
        Duration backoff = ranLong ? FIRST_BACKOFF : child.backoff;
        log.warn("{} stopped unexpectedly with exit code {}; restarting it in {} s (see {})",
                child.name(), process.exitValue(), backoff.toSeconds(), child.logFile);
        Duration next = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        try {
            restarts.schedule(() -> relaunch(child, next), backoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closingMeanwhile) {
            // close() began after the check above: nothing to restart.
        }
    }

    private void relaunch(Child crashed, Duration nextBackoff) {
        synchronized (this) {
            if (closing || !children.remove(crashed)) {
                return;
            }
        }
        try {
            Child restarted = launch(crashed.spec, crashed.instance, nextBackoff);
            awaitReady(List.of(restarted), readyTimeout);
            log.info("{} restarted after its crash and ready again", crashed.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The supervision of the new process restarts it again, with a longer backoff.
            log.warn("{} did not come back: {}", crashed.name(), e.getMessage());
        }
    }

    private Child launch(ServiceSpec spec, int instance, Duration backoff) {
        List<String> java = new ArrayList<>(List.of(javaBinary()));
        java.addAll(jvmOptions(spec.module(), System.getenv()));
        java.addAll(List.of("-jar", jar(home, spec).toString(), "--server.port=" + spec.port()));
        spec.properties().forEach((key, value) -> java.add("--" + key + "=" + value));
        List<String> command = new ArrayList<>();
        if (new File(IGNORING_SIGINT.get(0)).canExecute()) {
            command.addAll(IGNORING_SIGINT);
        }
        command.addAll(java);
        Path logFile = logDir.resolve(instance == 1 ? spec.module() + ".log" : spec.module() + "-" + instance + ".log");
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
            Child child = new Child(spec, instance, process, logFile, logStart, backoff);
            synchronized (this) {
                children.add(child);
            }
            process.onExit().thenAccept(exited -> superviseExit(child, exited));
            return child;
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

    private static void awaitReady(List<Child> starting, Duration timeout) throws InterruptedException {
        long startedAt = System.nanoTime();
        long deadline = startedAt + timeout.toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        List<Child> waiting = new ArrayList<>(starting);
        while (true) {
            for (Child child : List.copyOf(waiting)) {
                if (!child.process.isAlive()) {
                    throw new IllegalStateException("%s exited with code %d before it was ready.%s"
                            .formatted(child.name(), child.process.exitValue(), tail(child)));
                }
                if (isReady(http, child)) {
                    waiting.remove(child);
                    log.info("{} ready on port {} after {} s", child.name(), child.spec.port(), secondsSince(startedAt));
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("not ready after %d s: %s%s".formatted(
                        timeout.toSeconds(),
                        waiting.stream().map(Child::name).collect(Collectors.joining(", ")),
                        waiting.stream().map(ServiceProcesses::tail).collect(Collectors.joining())));
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    private static boolean isReady(HttpClient http, Child child) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + child.spec.port() + READINESS_PATH))
                .timeout(Duration.ofSeconds(2))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    private static void awaitExit(Child child, long deadline) {
        Process process = child.process;
        try {
            if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                log.warn("{} did not stop within {} s; killing it", child.name(), STOP_TIMEOUT.toSeconds());
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
        try (RandomAccessFile file = new RandomAccessFile(child.logFile.toFile(), "r")) {
            long from = Math.max(child.logStart, file.length() - TAIL_BYTES);
            byte[] end = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(end);
            List<String> lines = Arrays.asList(new String(end, StandardCharsets.UTF_8).strip().split("\\R"));
            return "%nLast lines of %s:%n    %s".formatted(child.logFile,
                    String.join(System.lineSeparator() + "    ", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())));
        } catch (IOException e) {
            return "%n(cannot read %s: %s)".formatted(child.logFile, e.getMessage());
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
