package id.aduan.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessesTest {

    private static final String MODULE = "stub-service";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path home;

    private Path logDir;
    private int port;

    @BeforeEach
    void installStubService() throws IOException {
        logDir = home.resolve("logs");
        port = freePort();
        writeStubJar(home.resolve(MODULE).resolve("target").resolve(MODULE + ".jar"));
    }

    @AfterEach
    void noChildProcessIsLeft() {
        assertThat(ProcessHandle.current().children()).isEmpty();
    }

    @Test
    void anOperatorAddsOptionsForOneServiceOrReplacesTheDefaultsForAll() {
        Map<String, String> environment = Map.of("ADUAN_GATEWAY_OPTS", " -Daduan.gateway.rate-limits.per-client=100000  -Xmx256m ");

        assertThat(ServiceProcesses.jvmOptions("gateway", environment))
                .contains("-XX:+UseSerialGC")
                .endsWith("-Daduan.gateway.rate-limits.per-client=100000", "-Xmx256m");
        assertThat(ServiceProcesses.jvmOptions("intake-service", environment))
                .noneMatch(option -> option.startsWith("-Daduan.gateway"));
        assertThat(ServiceProcesses.jvmOptions("routing-service", Map.of("ADUAN_JAVA_OPTS", "-Xmx384m")))
                .containsExactly("-Xmx384m");
    }

    @Test
    void waitsUntilTheServiceIsReadyAndStopsItGracefully() throws Exception {
        ServiceSpec spec = new ServiceSpec(MODULE, port, Map.of("stub.ready-after-ms", "1000"));

        try (ServiceProcesses services = ServiceProcesses.start(home, List.of(spec), logDir, READY_TIMEOUT)) {
            assertThat(readinessStatus()).isEqualTo(200);
        }

        assertThat(Files.readString(logDir.resolve(MODULE + ".log"))).contains("stub stopped gracefully");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aServiceIgnoresTheCtrlCThatReachesTheWholeProcessGroup() throws Exception {
        ServiceSpec spec = new ServiceSpec(MODULE, port, Map.of());

        try (ServiceProcesses services = ServiceProcesses.start(home, List.of(spec), logDir, READY_TIMEOUT)) {
            ProcessHandle child = ProcessHandle.current().children().findFirst().orElseThrow();
            new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).start().waitFor();
            Thread.sleep(500);

            assertThat(child.isAlive()).isTrue();
            assertThat(readinessStatus()).isEqualTo(200);
        }
    }

    @Test
    void aServiceThatCrashesIsStartedAgain() throws Exception {
        ServiceSpec spec = new ServiceSpec(MODULE, port, Map.of());

        try (ServiceProcesses services = ServiceProcesses.start(home, List.of(spec), logDir, READY_TIMEOUT)) {
            long crashed = services.kill(MODULE).get(0);

            awaitReadyAgain(crashed);
            assertThat(services.status()).singleElement().asString().doesNotContain("pid " + crashed + " ");
        }
    }

    @Test
    void aRestartStopsTheServiceGracefullyAndWaitsUntilItIsReadyAgain() throws Exception {
        ServiceSpec spec = new ServiceSpec(MODULE, port, Map.of("stub.ready-after-ms", "500"));

        try (ServiceProcesses services = ServiceProcesses.start(home, List.of(spec), logDir, READY_TIMEOUT)) {
            services.restart(MODULE);

            assertThat(readinessStatus()).isEqualTo(200);
            assertThat(Files.readString(logDir.resolve(MODULE + ".log"))).contains("stub stopped gracefully");
        }
    }

    @Test
    void aSecondInstanceRunsOnAFreePortUntilItIsScaledBackDown() throws Exception {
        ServiceSpec spec = new ServiceSpec(MODULE, port, Map.of());

        try (ServiceProcesses services = ServiceProcesses.start(home, List.of(spec), logDir, READY_TIMEOUT)) {
            services.scale(MODULE, 2);
            assertThat(services.status()).hasSize(2);
            assertThat(ProcessHandle.current().children()).hasSize(2);

            services.scale(MODULE, 1);
            assertThat(services.status()).singleElement().asString().contains("port " + port);
            assertThat(Files.readString(logDir.resolve(MODULE + "-2.log"))).contains("stub stopped gracefully");
            assertThat(readinessStatus()).isEqualTo(200);
        }
    }

    @Test
    void aServiceThatExitsBeforeItIsReadyFailsTheStartWithTheEndOfItsLog() {
        ServiceSpec spec = new ServiceSpec(MODULE, port, Map.of("stub.exit-code", "3"));

        assertThatThrownBy(() -> ServiceProcesses.start(home, List.of(spec), logDir, READY_TIMEOUT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(MODULE + " exited with code 3 before it was ready")
                .hasMessageContaining("stub failing on purpose");
    }

    @Test
    void aServiceThatIsNotReadyInTimeIsStoppedAndFailsTheStart() {
        ServiceSpec spec = new ServiceSpec(MODULE, port, Map.of("stub.ready-after-ms", "3600000"));

        assertThatThrownBy(() -> ServiceProcesses.start(home, List.of(spec), logDir, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not ready after 2 s: " + MODULE)
                .hasMessageContaining("stub listening on port " + port);
    }

    @Test
    void aPortInUseFailsTheStartBeforeAnythingRuns() throws IOException {
        ServiceSpec spec = new ServiceSpec(MODULE, port, Map.of());

        try (ServerSocket earlierInstance = new ServerSocket(port)) {
            assertThatThrownBy(() -> ServiceProcesses.start(home, List.of(spec), logDir, READY_TIMEOUT))
                    .hasMessageContaining("port " + port + " for " + MODULE + " is already in use");
        }
        assertThat(logDir).doesNotExist();
    }

    @Test
    void aMissingJarFailsTheStartBeforeAnythingRuns() {
        ServiceSpec spec = new ServiceSpec("not-built", port, Map.of());

        assertThatThrownBy(() -> ServiceProcesses.start(home, List.of(spec), logDir, READY_TIMEOUT))
                .hasMessageContaining("not-built.jar is missing");
    }

    /** Waits until a process other than {@code crashed} answers on the port. */
    private void awaitReadyAgain(long crashed) throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            boolean restarted = ProcessHandle.current().children().anyMatch(child -> child.pid() != crashed);
            try {
                if (restarted && readinessStatus() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not restarted within " + READY_TIMEOUT);
    }

    private int readinessStatus() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A runnable jar holding only {@link ReadinessStub}, where ServiceProcesses looks for a module's jar. */
    static void writeStubJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, ReadinessStub.class.getName());
        String classFile = ReadinessStub.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream stubClass = ReadinessStub.class.getClassLoader().getResourceAsStream(classFile)) {
            out.putNextEntry(new JarEntry(classFile));
            stubClass.transferTo(out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
