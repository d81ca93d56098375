package id.aduan.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import id.aduan.localinfra.MailServer;
import id.aduan.localinfra.PostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: the MongoDB stand-in, a Kafka broker, PostgreSQL, a mail server and every service as its own process,
 * on the fixed ports of docs/architecture.md, until Ctrl-C; {@link #USAGE} says what else it does.
 */
public final class Launcher {

    private static final Logger log = LoggerFactory.getLogger(Launcher.class);
    private static final String DATA_DIR_OPTION = "--data-dir=";
    /** Mailpit's ports, as docker-compose.yml runs it: SMTP and the page showing what arrived. */
    private static final int SMTP_PORT = 1025;
    private static final int MAIL_WEB_PORT = 8025;
    /** Longer with -Daduan.ready-timeout-seconds=N, e.g. for a benchmark on a busy machine. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.getLong("aduan.ready-timeout-seconds", 240));

    private static final String USAGE = """
            Usage:
              aduan [--data-dir=DIR]                runs the suite until Ctrl-C (data and logs in DIR, default ./data)
              aduan watch [TOPIC...]                prints the events on the topics of the running suite
              aduan build                           builds what changed since the last build, and nothing else
            """ + ControlCommand.USAGE + System.lineSeparator() + "  " + DeadLettersCommand.USAGE;

    private static volatile boolean stopRequested;

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("watch")) {
            List<String> topics = Arrays.asList(args).subList(1, args.length);
            TopicTail.run("localhost:" + Stores.KAFKA_PORT, topics.isEmpty() ? TopicTail.DEFAULT_TOPICS : topics);
            return;
        }
        if (args.length > 0 && args[0].equals("dead-letters")) {
            System.exit(DeadLettersCommand.run(Arrays.asList(args).subList(1, args.length)));
        }
        Path home = Path.of(System.getProperty("aduan.home", "")).toAbsolutePath();
        Path dataDir = home.resolve("data");
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith(DATA_DIR_OPTION)) {
                dataDir = Path.of(arg.substring(DATA_DIR_OPTION.length())).toAbsolutePath();
            } else {
                words.add(arg);
            }
        }
        if (!words.isEmpty() && ControlCommand.COMMANDS.contains(words.get(0))) {
            System.exit(ControlCommand.run(dataDir.normalize(), words));
        }
        if (!words.isEmpty()) {
            boolean help = words.get(0).equals("--help") || words.get(0).equals("-h");
            (help ? System.out : System.err).println((help ? "" : "Unknown argument: " + words.get(0) + System.lineSeparator()) + USAGE);
            System.exit(help ? 0 : 2);
        }
        System.exit(run(home, dataDir.normalize()));
    }

    /** Runs until the JVM is asked to stop; returns the exit code when starting failed. */
    private static int run(Path home, Path dataDir) {
        Thread runner = Thread.currentThread();
        CountDownLatch stopped = new CountDownLatch(1);
        // Interrupting the runner makes it leave the try block below, which stops everything in reverse
        // order of start; the hook returns (and the JVM exits) only once that is done.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested = true;
            runner.interrupt();
            awaitUninterruptibly(stopped);
        }, "aduan-stop"));

        Path logDir = dataDir.resolve("logs");
        log.info("Aduan home {}, data in {}", home, dataDir);
        try (Stores stores = Stores.start(dataDir);
             // Keeps what it receives in memory: notifications sent before a restart are not shown after it.
             MailServer mail = MailServer.start(SMTP_PORT, MAIL_WEB_PORT)) {
            // The stores keep their ports across restarts (Stores.restart), so the services' settings stay true.
            Suite suite = new Suite(Suite.FIXED_PORTS, stores.kafka().bootstrapServers(),
                    database -> stores.mongo().connectionString() + "/" + database,
                    new Suite.Postgres(database -> stores.postgres().jdbcUrl(database), PostgresServer.USER, ""),
                    mail.smtpPort(), dataDir);
            try (ServiceProcesses services = ServiceProcesses.start(home, suite.services(), logDir, READY_TIMEOUT);
                 ControlServer control = ControlServer.start(dataDir, services, stores)) {
                System.out.println(banner(suite, stores, mail, dataDir, logDir));
                runner.join(); // never returns by itself: waits for the interrupt from the shutdown hook
            }
            return 0;
        } catch (InterruptedException stop) {
            return 0;
        } catch (Exception e) { // not only RuntimeException: Kafka's Scala code throws checked ones undeclared
            if (stopRequested) {
                return 0; // Ctrl-C while starting
            }
            log.error("Aduan did not start: {}", e.getMessage());
            return 1;
        } finally {
            stopped.countDown();
        }
    }

    private static String banner(Suite suite, Stores stores, MailServer mail, Path dataDir, Path logDir) {
        try (InputStream text = Launcher.class.getResourceAsStream("banner.txt")) {
            return new String(text.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{web}", suite.webPublicUrl() + "/")
                    .replace("{gateway}", suite.url("gateway"))
                    .replace("{auth-server}", suite.url("auth-server"))
                    .replace("{kafka}", stores.kafka().bootstrapServers())
                    .replace("{mongo}", stores.mongo().connectionString())
                    .replace("{postgres}", "localhost:" + stores.postgres().port() + " (user " + PostgresServer.USER + ")")
                    .replace("{mail}", mail.webUrl() + " (SMTP localhost:" + mail.smtpPort() + ")")
                    .replace("{data}", dataDir.toString())
                    .replace("{logs}", logDir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("banner.txt missing from the launcher jar", e);
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException ignored) {
                // The JVM is exiting anyway: keep waiting until everything is stopped.
            }
        }
    }
}
