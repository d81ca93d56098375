package id.aduan.benchmark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches a running suite while the load runs, from the events themselves: reads the complaints',
 * routing and SLA topics from their current end, and for every complaint submitted from then on
 * notes when it was routed and when its verification clock started; every 250 ms it reads the
 * reporting service's committed offsets, and a complaint is fully processed at the first sample
 * where reporting has committed past all three of its events. Every second it samples the lag of
 * every consumer group and the resident memory of the launcher and its children.
 * <p>
 * It stops once {@code <runDir>/load-ended} exists and every complaint is processed and every lag is
 * zero, or {@code bench.drainSeconds} after the load ended; then writes e2e.csv, lag.csv,
 * memory.csv and the summary {@code observer.md}. Settings are system properties (bench/load.sh).
 */
public final class Observer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TOPICS = List.of("aduan.complaints", "aduan.routing", "aduan.sla");
    private static final String REPORTING_GROUP = "reporting-service";
    private static final Duration COMMIT_SAMPLE = Duration.ofMillis(250);
    private static final Duration LAG_SAMPLE = Duration.ofSeconds(1);
    private static final Pattern JAR = Pattern.compile("([\\w-]+)\\.jar");

    private final Path runDir;
    private final List<Integer> rates;
    private final int stepSeconds;
    private final long drainMillis;
    private final long launcherPid;
    private final Admin admin;
    private final KafkaConsumer<String, byte[]> events;
    private final Map<String, Track> tracks = new HashMap<>();
    /** Complaints whose three events are seen, waiting for reporting to commit past them. */
    private final Map<String, Track> awaitingReport = new LinkedHashMap<>();
    private final Map<String, Long> maxLag = new TreeMap<>();
    private final Map<String, Long> lastNonZeroLag = new TreeMap<>();
    private final Map<String, Long> lastLag = new HashMap<>();
    private final Map<String, Long> maxRss = new TreeMap<>();
    private final PrintWriter lagCsv;
    private final PrintWriter memoryCsv;
    private final long startedAt = System.currentTimeMillis();
    private long maxTotalRss;

    /** One complaint's relevant events: where each is, and when. */
    private static final class Track {
        long submittedAt = -1;
        long routedAt = -1;
        long clockStartedAt = -1;
        long processedAt = -1;
        final Map<TopicPartition, Long> offsets = new HashMap<>();

        boolean allSeen() {
            return submittedAt >= 0 && routedAt >= 0 && clockStartedAt >= 0;
        }
    }

    private Observer(Path runDir) throws IOException {
        this.runDir = runDir;
        this.rates = Arrays.stream(System.getProperty("bench.rates", "50 100").trim().split("[ ,]+")).map(Integer::valueOf).toList();
        this.stepSeconds = Integer.getInteger("bench.stepSeconds", 20);
        this.drainMillis = Long.getLong("bench.drainSeconds", 120) * 1000;
        this.launcherPid = Long.getLong("bench.launcherPid", -1);
        String kafka = System.getProperty("bench.kafka", "localhost:9092");
        Properties adminProperties = new Properties();
        adminProperties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        this.admin = Admin.create(adminProperties);
        Properties consumerProperties = new Properties();
        consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerProperties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        this.events = new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new ByteArrayDeserializer());
        this.lagCsv = csv("lag.csv", "seconds,group,lag");
        this.memoryCsv = csv("memory.csv", "seconds,process,pid,rss_mib");
    }

    public static void main(String[] args) throws Exception {
        Observer observer = new Observer(Path.of(System.getProperty("bench.runDir", ".")));
        observer.run();
    }

    private void run() throws Exception {
        List<TopicPartition> partitions = partitions();
        events.assign(partitions);
        events.seekToEnd(partitions);
        partitions.forEach(events::position); // fixes the start now, before the load begins
        Files.writeString(runDir.resolve("observer-ready"), Long.toString(System.currentTimeMillis()));
        long nextCommitSample = 0;
        long nextLagSample = 0;
        Long loadEndedAt = null;
        while (true) {
            for (ConsumerRecord<String, byte[]> record : events.poll(Duration.ofMillis(50))) {
                observe(record);
            }
            long now = System.currentTimeMillis();
            if (now >= nextCommitSample) {
                sampleReporting(now);
                nextCommitSample = now + COMMIT_SAMPLE.toMillis();
            }
            if (now >= nextLagSample) {
                boolean anyLag = sampleLag(now);
                sampleMemory(now);
                nextLagSample = now + LAG_SAMPLE.toMillis();
                if (loadEndedAt == null && Files.exists(runDir.resolve("load-ended"))) {
                    loadEndedAt = now;
                }
                if (loadEndedAt != null && ((!anyLag && awaitingReport.isEmpty()) || now - loadEndedAt > drainMillis)) {
                    break;
                }
            }
        }
        lagCsv.close();
        memoryCsv.close();
        events.close();
        admin.close();
        writeSummary(loadEndedAt);
    }

    private List<TopicPartition> partitions() throws InterruptedException, ExecutionException {
        return admin.describeTopics(TOPICS).allTopicNames().get().values().stream()
                .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .toList();
    }

    private void observe(ConsumerRecord<String, byte[]> record) throws IOException {
        JsonNode event = JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
        String type = event.path("type").asText();
        JsonNode data = event.path("data");
        String complaintId = data.path("complaintId").asText(null);
        if (complaintId == null) {
            return;
        }
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Track track;
        switch (type) {
            case "aduan.complaint.submitted.v1" -> {
                track = tracks.computeIfAbsent(complaintId, id -> new Track());
                track.submittedAt = Instant.parse(data.path("submittedAt").asText()).toEpochMilli();
            }
            case "aduan.complaint.routed.v1" -> {
                if (!data.path("step").asText().equals("ROUTED")) {
                    return;
                }
                track = tracks.computeIfAbsent(complaintId, id -> new Track());
                track.routedAt = record.timestamp();
            }
            case "aduan.sla.clock-started.v1" -> {
                if (!data.path("kind").asText().equals("VERIFICATION")) {
                    return;
                }
                track = tracks.computeIfAbsent(complaintId, id -> new Track());
                track.clockStartedAt = record.timestamp();
            }
            default -> {
                return;
            }
        }
        track.offsets.merge(partition, record.offset(), Math::max);
        if (track.allSeen() && track.processedAt < 0) {
            awaitingReport.put(complaintId, track);
        }
    }

    private void sampleReporting(long now) throws InterruptedException, ExecutionException {
        if (awaitingReport.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(REPORTING_GROUP).partitionsToOffsetAndMetadata().get();
        for (Iterator<Track> it = awaitingReport.values().iterator(); it.hasNext(); ) {
            Track track = it.next();
            boolean counted = track.offsets.entrySet().stream().allMatch(offset -> {
                OffsetAndMetadata commit = committed.get(offset.getKey());
                return commit != null && commit.offset() > offset.getValue();
            });
            if (counted) {
                track.processedAt = now;
                it.remove();
            }
        }
    }

    /** Samples every group's lag; answers whether any group is behind. */
    private boolean sampleLag(long now) throws InterruptedException, ExecutionException {
        List<String> groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId).sorted().toList();
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new TreeMap<>();
        for (String group : groups) {
            committed.put(group, admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get());
        }
        Set<TopicPartition> all = committed.values().stream().flatMap(offsets -> offsets.keySet().stream()).collect(Collectors.toSet());
        Map<TopicPartition, Long> ends = admin.listOffsets(all.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        boolean anyLag = false;
        long seconds = (now - startedAt) / 1000;
        for (var group : committed.entrySet()) {
            long lag = group.getValue().entrySet().stream()
                    .filter(e -> e.getValue() != null)
                    .mapToLong(e -> Math.max(0, ends.getOrDefault(e.getKey(), 0L) - e.getValue().offset()))
                    .sum();
            lagCsv.printf("%d,%s,%d%n", seconds, group.getKey(), lag);
            maxLag.merge(group.getKey(), lag, Math::max);
            lastLag.put(group.getKey(), lag);
            if (lag > 0) {
                lastNonZeroLag.put(group.getKey(), now);
                anyLag = true;
            }
        }
        lagCsv.flush();
        return anyLag;
    }

    /** VmRSS of the launcher (Kafka and the MongoDB stand-in) and of each of its descendants. */
    private void sampleMemory(long now) {
        if (launcherPid < 0) {
            return;
        }
        long seconds = (now - startedAt) / 1000;
        Map<String, Long> byName = new TreeMap<>();
        ProcessHandle.of(launcherPid).ifPresent(launcher -> {
            List<ProcessHandle> processes = new ArrayList<>();
            processes.add(launcher);
            launcher.descendants().forEach(processes::add);
            for (ProcessHandle process : processes) {
                long rssKib = rssKib(process.pid());
                if (rssKib < 0) {
                    continue;
                }
                String name = name(process);
                memoryCsv.printf("%d,%s,%d,%.1f%n", seconds, name, process.pid(), rssKib / 1024.0);
                byName.merge(name, rssKib, Long::sum); // the PostgreSQL processes together
            }
        });
        byName.forEach((name, rss) -> maxRss.merge(name, rss, Math::max));
        maxTotalRss = Math.max(maxTotalRss, byName.values().stream().mapToLong(Long::longValue).sum());
        memoryCsv.flush();
    }

    private static long rssKib(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElse(-1L);
        } catch (IOException | UncheckedIOException gone) {
            return -1;
        }
    }

    private static String name(ProcessHandle process) {
        String command;
        try {
            command = new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException gone) {
            command = process.info().commandLine().orElse("?");
        }
        if (command.contains("launcher.jar")) {
            return "launcher (Kafka + MongoDB stand-in)";
        }
        Matcher jar = JAR.matcher(command);
        if (jar.find()) {
            return jar.group(1);
        }
        if (command.contains("postgres")) {
            return "postgres";
        }
        String first = command.split(" ")[0];
        return first.substring(first.lastIndexOf('/') + 1);
    }

    private void writeSummary(Long loadEndedAt) throws IOException {
        Path loadStarted = runDir.resolve("load-started");
        // Written by the simulation when it starts; without it (Gatling did not run) the steps count from the observer's start.
        long loadStartedAt = Files.exists(loadStarted) ? Long.parseLong(Files.readString(loadStarted).trim()) : startedAt;
        List<Track> submitted = tracks.values().stream().filter(t -> t.submittedAt >= 0).toList();
        try (PrintWriter e2e = csv("e2e.csv", "complaint,submitted_at,routed_ms,verification_clock_ms,processed_ms")) {
            tracks.entrySet().stream().filter(e -> e.getValue().submittedAt >= 0).forEach(e -> {
                Track t = e.getValue();
                e2e.printf("%s,%s,%s,%s,%s%n", e.getKey(), Instant.ofEpochMilli(t.submittedAt),
                        since(t.submittedAt, t.routedAt), since(t.submittedAt, t.clockStartedAt), since(t.submittedAt, t.processedAt));
            });
        }
        StringBuilder md = new StringBuilder();
        md.append("### End to end (from the events: routed, verification clock started, counted by reporting)\n\n");
        md.append("| step | rate/s | submitted (by intake's time) | fully processed | processed/s during the step | routed p50 | p50 | p95 | p99 | max |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        // One row per step, then one for the complaints intake recorded only after the load's end.
        for (int step = 0; step <= rates.size(); step++) {
            long from = loadStartedAt + step * stepSeconds * 1000L;
            long to = step < rates.size() ? from + stepSeconds * 1000L : Long.MAX_VALUE;
            List<Track> inStep = submitted.stream().filter(t -> t.submittedAt >= from && t.submittedAt < to).toList();
            long[] latencies = inStep.stream().filter(t -> t.processedAt >= 0).mapToLong(t -> t.processedAt - t.submittedAt).sorted().toArray();
            long[] routed = inStep.stream().filter(t -> t.routedAt >= 0).mapToLong(t -> t.routedAt - t.submittedAt).sorted().toArray();
            long processedDuring = submitted.stream().filter(t -> t.processedAt >= from && t.processedAt < to).count();
            if (step == rates.size() && inStep.isEmpty()) {
                break;
            }
            md.append("| %s | %s | %d | %d | %s | %s | %s | %s | %s | %s |\n".formatted(
                    step < rates.size() ? step + 1 : "after the load", step < rates.size() ? rates.get(step) : "-", inStep.size(),
                    latencies.length, step < rates.size() ? "%.1f".formatted(processedDuring / (double) stepSeconds) : "-", seconds(routed, 50), seconds(latencies, 50),
                    seconds(latencies, 95), seconds(latencies, 99), seconds(latencies, 100)));
        }
        long lastProcessed = submitted.stream().mapToLong(t -> t.processedAt).max().orElse(-1);
        long processed = submitted.stream().filter(t -> t.processedAt >= 0).count();
        md.append("\nAll steps: %d submitted, %d fully processed; overall %.1f processed/s from the load's start to the last one processed.%n"
                .formatted(submitted.size(), processed, lastProcessed < 0 ? 0 : processed * 1000.0 / (lastProcessed - loadStartedAt)));
        md.append("\n### Consumer lag (events behind, sampled each second: lag.csv)\n\n| group | max lag | back to zero after the load's end |\n|---|---|---|\n");
        for (var group : maxLag.entrySet()) {
            Long last = lastNonZeroLag.get(group.getKey());
            String zero = zeroAfter(group.getKey(), loadEndedAt);
            md.append("| %s | %d | %s |%n".formatted(group.getKey(), group.getValue(), zero));
        }
        md.append("\n### Resident memory (VmRSS, max over the run, sampled each second: memory.csv)\n\n| process | max RSS |\n|---|---|\n");
        maxRss.forEach((name, kib) -> md.append("| %s | %d MiB |%n".formatted(name, kib / 1024)));
        md.append("| **all together** | **%d MiB** |%n".formatted(maxTotalRss / 1024));
        Files.writeString(runDir.resolve("observer.md"), md.toString());
    }

    /** How long after the load's end the group's lag was last above zero. */
    private String zeroAfter(String group, Long loadEndedAt) {
        Long lastBehind = lastNonZeroLag.get(group);
        if (lastLag.getOrDefault(group, 0L) > 0) {
            return "still %d behind when the observer stopped".formatted(lastLag.get(group));
        }
        if (loadEndedAt == null || lastBehind == null || lastBehind < loadEndedAt) {
            return "0 s";
        }
        return "%.0f s".formatted((lastBehind - loadEndedAt) / 1000.0 + 1);
    }

    private static String since(long from, long at) {
        return at < 0 ? "" : Long.toString(at - from);
    }

    private static String seconds(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return "-";
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return "%.2f s".formatted(sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1000.0);
    }

    private PrintWriter csv(String name, String header) throws IOException {
        PrintWriter writer = new PrintWriter(Files.newBufferedWriter(runDir.resolve(name)));
        writer.println(header);
        return writer;
    }
}
