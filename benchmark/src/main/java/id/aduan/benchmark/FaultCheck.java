package id.aduan.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;

/**
 * The checker of the fault-injection run (bench/faults.sh): once the suite is quiet, compares every
 * complaint the load saw accepted ({@code accepted.csv}) with every place it must be, each exactly
 * once: intake's event store, {@code aduan.complaints} (per event id), routing's decisions, sla's
 * clocks, reporting's model, the agency inbox, and for complaints past their deadline the breach.
 * It also reads every record of every topic for the reporters' names and e-mail addresses. Writes
 * {@code <runDir>/faults.md}: per fault (from {@code phases.csv}, by when the complaint was accepted),
 * how many complaints were accepted and how many of them are lost or duplicated where.
 */
public final class FaultCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBMITTED = "aduan.complaint.submitted.v1";
    private static final String VERIFIED = "aduan.complaint.verified.v1";
    private static final String ROUTED = "aduan.complaint.routed.v1";
    private static final String BREACHED = "aduan.sla.clock-breached.v1";
    /** What the load's reporters are called and write from (Complaints.body). */
    private static final Pattern IDENTITY = Pattern.compile("Warga \\d+|warga\\d+@example\\.id");
    private static final List<String> PLACES = List.of("event store", "aduan.complaints", "routing decisions",
            "sla clocks", "reporting model", "agency inbox", "breaches");

    /** A place's verdict on one complaint. */
    enum Verdict { ONCE, LOST, DUPLICATED }

    record Accepted(String trackingId, String kind, Instant at, boolean verified) {
    }

    record Phase(String name, Instant from, Instant to) {
    }

    public static void main(String[] args) throws Exception {
        Path runDir = Path.of(System.getProperty("bench.runDir", "."));
        List<Accepted> accepted = Files.readAllLines(runDir.resolve("accepted.csv")).stream().skip(1)
                .map(line -> line.split(","))
                .map(f -> new Accepted(f[0], f[1], Instant.parse(f[2]), f[3].equals("verified")))
                .toList();
        List<Phase> phases = Files.readAllLines(runDir.resolve("phases.csv")).stream().skip(1)
                .map(line -> line.split(","))
                .map(f -> new Phase(f[0], Instant.parse(f[1]), Instant.parse(f[2])))
                .toList();

        String kafka = System.getProperty("bench.kafka", "localhost:9092");
        double quiet = Seed.awaitCaughtUp(kafka, System.nanoTime(), Duration.ofSeconds(Long.getLong("bench.drainSeconds", 600)));
        System.out.printf("fault check: every consumer caught up after %.0f s%n", quiet);
        // Intake's inbox and the SLA sweep follow the topics by a few seconds more.
        Thread.sleep(Long.getLong("bench.settleSeconds", 20) * 1000);
        Topics topics = Topics.read(kafka);
        Map<String, Map<String, Integer>> intake = eventStore(System.getProperty("bench.postgres",
                "jdbc:postgresql://localhost:5432/aduan_intake"));
        Map<String, String> inbox = inbox(System.getProperty("bench.postgres", "jdbc:postgresql://localhost:5432/aduan_intake"));
        Map<String, Long> decisions;
        Map<String, Long> clocks;
        Map<String, Document> reporting;
        try (MongoClient mongo = MongoClients.create(System.getProperty("bench.mongo", "mongodb://localhost:27017"))) {
            decisions = count(mongo.getDatabase("aduan-routing"), "decisions", doc -> doc.getInteger("stepNumber", -1) == 0
                    ? doc.getString("complaintId") : null);
            clocks = count(mongo.getDatabase("aduan-sla"), "clocks", doc -> doc.getString("kind").equals("VERIFICATION")
                    ? doc.getString("complaintId") : null);
            reporting = new HashMap<>();
            mongo.getDatabase("aduan-reporting").getCollection("complaints").find()
                    .forEach(doc -> reporting.put(doc.getString("_id"), doc));
        }

        Map<String, Map<String, Verdict>> verdicts = new LinkedHashMap<>();
        for (Accepted complaint : accepted) {
            String id = complaint.trackingId();
            Map<String, Integer> stored = intake.getOrDefault(id, Map.of());
            Map<String, Verdict> places = new LinkedHashMap<>();
            places.put("event store", worst(verdict(stored.getOrDefault("ComplaintSubmittedEvent", 0)),
                    complaint.verified() ? verdict(stored.getOrDefault("ComplaintVerifiedEvent", 0)) : Verdict.ONCE));
            places.put("aduan.complaints", worst(topics.verdict(id, SUBMITTED),
                    complaint.verified() ? topics.verdict(id, VERIFIED) : Verdict.ONCE));
            places.put("routing decisions", worst(verdict(decisions.getOrDefault(id, 0L)), topics.verdict(id, ROUTED)));
            places.put("sla clocks", verdict(clocks.getOrDefault(id, 0L)));
            Document model = reporting.get(id);
            // One document per complaint, its figures derived from the facts: complete once it holds every step taken.
            Document facts = model == null ? null : model.get("facts", Document.class);
            boolean modelComplete = facts != null && facts.get("submission") != null
                    && (!complaint.verified() || facts.get("verification") != null);
            places.put("reporting model", modelComplete ? Verdict.ONCE : Verdict.LOST);
            places.put("agency inbox", inbox.containsKey(id) ? Verdict.ONCE : Verdict.LOST);
            places.put("breaches", complaint.kind().equals("imported") ? topics.breaches(id) : Verdict.ONCE);
            verdicts.put(id, places);
        }

        List<String> leaks = topics.identityLeaks;
        String table = table(accepted, phases, verdicts);
        String md = """
                ### Fault-injection run: %d complaints accepted (%d citizen, %d imported past their deadline), %d verified

                %s
                Every record of every topic (%d records on %d topics) read for a reporter's name or e-mail: %s.
                Duplicate records of one event id on aduan.complaints (a republished event, skipped by every consumer): %d.
                """.formatted(accepted.size(), accepted.stream().filter(a -> a.kind().equals("citizen")).count(),
                accepted.stream().filter(a -> a.kind().equals("imported")).count(),
                accepted.stream().filter(Accepted::verified).count(), table, topics.records, topics.topicCount,
                leaks.isEmpty() ? "none found" : leaks.size() + " found, e.g. " + leaks.get(0), topics.duplicateRecords);
        Files.writeString(runDir.resolve("faults.md"), md);
        System.out.print(md);
        verdicts.forEach((id, places) -> places.forEach((place, verdict) -> {
            if (verdict != Verdict.ONCE) {
                System.out.printf("%s %s in %s%n", id, verdict, place);
            }
        }));
    }

    private static String table(List<Accepted> accepted, List<Phase> phases, Map<String, Map<String, Verdict>> verdicts) {
        StringBuilder out = new StringBuilder("| fault | accepted | " + String.join(" | ", PLACES) + " |\n|---|---:|"
                + "---|".repeat(PLACES.size()) + "\n");
        Map<String, List<Accepted>> byPhase = new LinkedHashMap<>();
        phases.forEach(phase -> byPhase.put(phase.name(), new ArrayList<>()));
        byPhase.put("(between faults)", new ArrayList<>());
        for (Accepted complaint : accepted) {
            String phase = phases.stream().filter(p -> !complaint.at().isBefore(p.from()) && complaint.at().isBefore(p.to()))
                    .map(Phase::name).findFirst().orElse("(between faults)");
            byPhase.get(phase).add(complaint);
        }
        byPhase.forEach((phase, complaints) -> {
            out.append("| ").append(phase).append(" | ").append(complaints.size());
            for (String place : PLACES) {
                long lost = complaints.stream().filter(c -> verdicts.get(c.trackingId()).get(place) == Verdict.LOST).count();
                long duplicated = complaints.stream().filter(c -> verdicts.get(c.trackingId()).get(place) == Verdict.DUPLICATED).count();
                out.append(" | ").append(lost).append(" lost, ").append(duplicated).append(" dup.");
            }
            out.append(" |\n");
        });
        return out.toString();
    }

    private static Verdict verdict(long count) {
        return count == 1 ? Verdict.ONCE : count == 0 ? Verdict.LOST : Verdict.DUPLICATED;
    }

    private static Verdict worst(Verdict a, Verdict b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** Per complaint, how many events of each type (simple class name) intake stored. */
    private static Map<String, Map<String, Integer>> eventStore(String url) throws SQLException {
        Map<String, Map<String, Integer>> stored = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT aggregate_identifier, payload_type, count(*) FROM domain_event_entry GROUP BY 1, 2")) {
            while (rows.next()) {
                String type = rows.getString(2).substring(rows.getString(2).lastIndexOf('.') + 1);
                stored.computeIfAbsent(rows.getString(1), id -> new HashMap<>()).put(type, rows.getInt(3));
            }
        }
        return stored;
    }

    /** The complaints listed in an agency inbox, with the agency. */
    private static Map<String, String> inbox(String url) throws SQLException {
        Map<String, String> listed = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT complaint_id, agency_code FROM complaint_inbox WHERE listed")) {
            while (rows.next()) {
                listed.put(rows.getString(1), String.valueOf(rows.getString(2)));
            }
        }
        return listed;
    }

    /** Documents per complaint, counting those {@code complaintOf} names a complaint for. */
    private static Map<String, Long> count(MongoDatabase database, String collection, Function<Document, String> complaintOf) {
        Map<String, Long> counts = new HashMap<>();
        database.getCollection(collection).find().forEach(doc -> {
            String complaint = complaintOf.apply(doc);
            if (complaint != null) {
                counts.merge(complaint, 1L, Long::sum);
            }
        });
        return counts;
    }

    /** Every record of every topic, read once. */
    static final class Topics {
        /** complaint id → type → event ids seen (with how many records each). */
        final Map<String, Map<String, Map<String, Integer>>> events = new HashMap<>();
        /** complaint id → breached clock → event ids. */
        final Map<String, Map<String, Set<String>>> breaches = new HashMap<>();
        final List<String> identityLeaks = new ArrayList<>();
        long records;
        int topicCount;
        long duplicateRecords;

        static Topics read(String bootstrapServers) {
            Topics topics = new Topics();
            Properties properties = new Properties();
            properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                Map<String, List<PartitionInfo>> all = consumer.listTopics(Duration.ofSeconds(30));
                List<TopicPartition> partitions = all.entrySet().stream().filter(e -> !e.getKey().startsWith("__"))
                        .flatMap(e -> e.getValue().stream().map(p -> new TopicPartition(p.topic(), p.partition()))).toList();
                topics.topicCount = (int) partitions.stream().map(TopicPartition::topic).distinct().count();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                Set<TopicPartition> remaining = new HashSet<>(partitions);
                remaining.removeIf(p -> ends.get(p) == 0);
                while (!remaining.isEmpty()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                        topics.add(record);
                    }
                    remaining.removeIf(p -> consumer.position(p) >= ends.get(p));
                }
            }
            topics.events.values().forEach(byType -> byType.getOrDefault(SUBMITTED, Map.of()).values()
                    .forEach(n -> topics.duplicateRecords += n - 1));
            return topics;
        }

        private void add(ConsumerRecord<byte[], byte[]> record) {
            records++;
            String text = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
            for (Header header : record.headers()) {
                text += " " + new String(header.value(), StandardCharsets.UTF_8);
            }
            var leak = IDENTITY.matcher(text);
            if (leak.find() && identityLeaks.size() < 100) {
                identityLeaks.add(record.topic() + "@" + record.offset() + ": " + leak.group());
            }
            if (!record.topic().equals("aduan.complaints") && !record.topic().equals("aduan.routing")
                    && !record.topic().equals("aduan.sla")) {
                return;
            }
            try {
                JsonNode event = JSON.readTree(record.value());
                String type = event.path("type").asText();
                String subject = event.path("subject").asText();
                events.computeIfAbsent(subject, s -> new HashMap<>()).computeIfAbsent(type, t -> new TreeMap<>())
                        .merge(event.path("id").asText(), 1, Integer::sum);
                if (type.equals(BREACHED)) {
                    breaches.computeIfAbsent(subject, s -> new HashMap<>())
                            .computeIfAbsent(event.path("data").path("clockId").asText(), c -> new HashSet<>())
                            .add(event.path("id").asText());
                }
            } catch (IOException notAnEvent) {
                // a dead letter or a foreign record: only read for identities
            }
        }

        /** Once: one event id of the type for the complaint (a record repeated with the same id is skipped by every consumer). */
        Verdict verdict(String complaintId, String type) {
            Map<String, Integer> ids = events.getOrDefault(complaintId, Map.of()).getOrDefault(type, Map.of());
            return FaultCheck.verdict(ids.size());
        }

        /** Once: the complaint's verification clock breached, by exactly one event. */
        Verdict breaches(String complaintId) {
            Map<String, Set<String>> byClock = breaches.getOrDefault(complaintId, Map.of());
            if (byClock.isEmpty()) {
                return Verdict.LOST;
            }
            return byClock.values().stream().anyMatch(ids -> ids.size() > 1) ? Verdict.DUPLICATED : Verdict.ONCE;
        }
    }
}
