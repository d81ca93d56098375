package id.aduan.launcher.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import id.aduan.contracts.Topic;
import id.aduan.launcher.ServiceProcesses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders the Helm chart (deploy/helm/aduan) with Helm's own template engine (helm-java bundles Helm's Go
 * library), validates every built-in Kubernetes object against the Kubernetes JSON schemas fabric8's model jars
 * carry, and checks the operators' resources (Strimzi, MongoDB Community, CloudNativePG) for the fields the
 * deployment relies on. No cluster is needed.
 */
class HelmChartTest {

    private static final String RELEASE = "aduan";
    /** A test key: the chart only wraps it in a Secret. */
    private static final String SIGNING_KEY = "{\"kty\":\"RSA\",\"kid\":\"test\"}";
    private static final List<String> SERVICES = List.of(
            "auth-server", "intake-service", "routing-service", "sla-service", "reporting-service", "web", "gateway");
    private static final List<String> BEHIND_THE_GATEWAY = List.of(
            "intake-service", "routing-service", "sla-service", "reporting-service", "web");
    /** What uses no Kafka: the token issuer and the web app, which reads everything through the gateway. */
    private static final List<String> WITHOUT_KAFKA = List.of("auth-server", "web");

    /** Built-in kinds and their definitions in fabric8's schema/validation-schema.json. */
    private static final Map<String, String> SCHEMA_DEFINITIONS = Map.of(
            "Deployment", "kubernetes_apps_Deployment",
            "Service", "kubernetes_core_Service",
            "Secret", "kubernetes_core_Secret",
            "PersistentVolumeClaim", "kubernetes_core_PersistentVolumeClaim",
            "PodDisruptionBudget", "kubernetes_policy_v1_PodDisruptionBudget",
            "NetworkPolicy", "kubernetes_networking_v1_NetworkPolicy",
            "Ingress", "kubernetes_networking_v1_Ingress");
    private static final Set<String> OPERATOR_KINDS = Set.of(
            "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "MongoDBCommunity", "Cluster");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path chart;
    private static List<JsonNode> manifests;

    @BeforeAll
    static void render() {
        chart = repositoryRoot().resolve("deploy/helm/aduan");
        manifests = parse(template().call());
    }

    @Test
    void theChartLintsAndRendersOnlyKindsTheTestKnows() {
        assertThat(new Helm(chart).lint().strict().call().isFailed()).isFalse();
        assertThat(manifests).extracting(manifest -> manifest.path("kind").asText())
                .allMatch(kind -> SCHEMA_DEFINITIONS.containsKey(kind) || OPERATOR_KINDS.contains(kind));
    }

    @Test
    void everyKubernetesObjectMatchesTheKubernetesSchema() throws IOException {
        ObjectNode definitions = kubernetesDefinitions();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        List<JsonNode> builtIn = manifests.stream().filter(m -> SCHEMA_DEFINITIONS.containsKey(m.path("kind").asText())).toList();
        assertThat(builtIn).hasSizeGreaterThan(20);
        for (JsonNode manifest : builtIn) {
            ObjectNode schema = JSON.createObjectNode();
            schema.put("$ref", "#/definitions/" + SCHEMA_DEFINITIONS.get(manifest.path("kind").asText()));
            schema.set("definitions", definitions);
            Set<ValidationMessage> errors = factory.getSchema(schema).validate(manifest);
            assertThat(errors).as(manifest.path("kind").asText() + " " + name(manifest)).isEmpty();
        }
        ObjectNode misspelt = (ObjectNode) ofKind("Deployment").get(0).deepCopy();
        ((ObjectNode) misspelt.path("spec")).put("replica", 2);
        ObjectNode schema = JSON.createObjectNode().put("$ref", "#/definitions/kubernetes_apps_Deployment");
        schema.set("definitions", definitions);
        assertThat(factory.getSchema(schema).validate(misspelt)).as("a misspelt field is refused").isNotEmpty();
    }

    @Test
    void everyServiceRunsTwoReplicasOrMoreWithProbesResourcesAndADisruptionBudget() throws Exception {
        assertThat(ofKind("Deployment")).extracting(HelmChartTest::name)
                .containsExactlyInAnyOrderElementsOf(SERVICES.stream().map(s -> RELEASE + "-" + s).toList());
        for (JsonNode deployment : ofKind("Deployment")) {
            String service = deployment.at("/metadata/labels/app.kubernetes.io~1name").asText();
            assertThat(deployment.at("/spec/replicas").asInt()).as(service + " replicas").isGreaterThanOrEqualTo(2);
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
            for (String bound : List.of("requests", "limits")) {
                assertThat(container.at("/resources/" + bound + "/cpu").isMissingNode()).as(service + " cpu " + bound).isFalse();
                assertThat(container.at("/resources/" + bound + "/memory").isMissingNode()).as(service + " memory " + bound).isFalse();
            }
            assertThat(env(container, "JAVA_TOOL_OPTIONS")).as(service + " heap").startsWith(launcherMaxHeap(service) + " ");
            assertThat(megabytes(container.at("/resources/limits/memory").asText()))
                    .as(service + ": memory above the heap for metaspace, code cache and threads")
                    .isGreaterThanOrEqualTo(megabytes(launcherMaxHeap(service).substring("-Xmx".length())) + 192);
            JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
            assertThat(ofKind("PodDisruptionBudget")).as(service + " disruption budget")
                    .anyMatch(pdb -> selects(pdb.at("/spec/selector/matchLabels"), podLabels)
                            && pdb.at("/spec/maxUnavailable").asInt() == 1);
            if (!WITHOUT_KAFKA.contains(service)) {
                assertThat(env(container, "ADUAN_KAFKA_REPLICATION_FACTOR")).as(service).isEqualTo("3");
            }
        }
    }

    @Test
    void theAuthServersReplicasSignWithOneKeyFromASecret() {
        JsonNode container = deployment("auth-server").at("/spec/template/spec/containers/0");
        assertThat(env(container, "ADUAN_AUTH_SIGNING_KEY")).isEqualTo("/etc/aduan/auth/signing-key.json");
        JsonNode volume = find(deployment("auth-server").at("/spec/template/spec/volumes"), v -> v.has("secret"));
        JsonNode secret = find(ofKind("Secret"), s -> name(s).equals(volume.at("/secret/secretName").asText()));
        assertThat(secret.at("/data/signing-key.json").asText()).isNotEmpty();

        assertThatThrownBy(() -> new Helm(chart).template().withName(RELEASE).withKubeVersion("1.30.0").call())
                .hasMessageContaining("authServer.signingKey");
        assertThatThrownBy(() -> template().set("services.sla-service.replicas", 1).call())
                .hasMessageContaining("services.sla-service.replicas must be 2 or more");
    }

    @Test
    void theWebAppIsServedAtTheGatewaysPublicAddressAndLogsPeopleInThere() {
        JsonNode web = deployment("web").at("/spec/template/spec/containers/0");
        assertThat(env(web, "ADUAN_WEB_PUBLIC_URL")).isEqualTo("https://aduan.example.org");
        assertThat(env(web, "ADUAN_WEB_API_URL")).isEqualTo("http://" + RELEASE + "-gateway:8080");
        assertThat(env(web, "ADUAN_WEB_AUTH_BROWSER_URL")).isEqualTo("https://login.aduan.example.org");
        assertThat(env(web, "ADUAN_WEB_AUTH_SERVER_URL")).isEqualTo("http://" + RELEASE + "-auth-server:9000");
        JsonNode secret = find(web.path("env"), e -> e.path("name").asText().equals("ADUAN_WEB_AUTH_PORTAL_CLIENT_SECRET"));
        assertThat(secret.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo(RELEASE + "-web-portal");
        JsonNode gateway = deployment("gateway").at("/spec/template/spec/containers/0");
        assertThat(env(gateway, "ADUAN_SERVICES_WEB")).isEqualTo("http://" + RELEASE + "-web:8085");
        // Sessions live in one web pod: a browser keeps to one gateway pod, which keeps to one web pod.
        JsonNode service = find(ofKind("Service"), s -> name(s).equals(RELEASE + "-web"));
        assertThat(service.at("/spec/sessionAffinity").asText()).isEqualTo("ClientIP");
        JsonNode ingress = find(ofKind("Ingress"), i -> name(i).equals(RELEASE + "-gateway"));
        assertThat(ingress.at("/metadata/annotations/nginx.ingress.kubernetes.io~1affinity").asText()).isEqualTo("cookie");
        JsonNode auth = deployment("auth-server").at("/spec/template/spec/containers/0");
        assertThat(env(auth, "ADUAN_AUTH_LOGINCLIENTS_0_REDIRECTURIS_0")).isEqualTo("https://aduan.example.org/login/oauth2/code/aduan");
    }

    @Test
    void theIngressExposesTheGatewayAndTheAuthServerOnly() {
        List<String> backends = ofKind("Ingress").stream()
                .flatMap(ingress -> stream(ingress.at("/spec/rules")))
                .flatMap(rule -> stream(rule.at("/http/paths")))
                .map(path -> path.at("/backend/service/name").asText())
                .toList();
        assertThat(backends).containsExactlyInAnyOrder(RELEASE + "-gateway", RELEASE + "-auth-server");
    }

    @Test
    void onlyTheGatewayReachesTheServicesBehindIt() {
        for (String service : BEHIND_THE_GATEWAY) {
            JsonNode policy = find(ofKind("NetworkPolicy"), p -> p.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name").asText().equals(service));
            assertThat(policy.at("/spec/policyTypes").toString()).contains("Ingress");
            List<JsonNode> peers = stream(policy.at("/spec/ingress")).flatMap(rule -> stream(rule.at("/from"))).toList();
            assertThat(peers).as(service + " peers").singleElement()
                    .satisfies(peer -> assertThat(peer.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("gateway"))
                    .satisfies(peer -> assertThat(peer.has("namespaceSelector")).isFalse());
        }
    }

    @Test
    void kafkaHasThreeBrokersReplicationFactorThreeAndMinInSyncTwo() {
        JsonNode pool = single("KafkaNodePool");
        assertThat(pool.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(pool.at("/spec/roles").toString()).contains("broker", "controller");
        JsonNode kafka = single("Kafka");
        assertThat(kafka.path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1");
        assertThat(pool.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(name(kafka));
        JsonNode config = kafka.at("/spec/kafka/config");
        assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(config.path("offsets.topic.replication.factor").asInt()).isEqualTo(3);

        assertThat(ofKind("KafkaTopic")).extracting(topic -> topic.at("/spec/topicName").asText())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Topic.values()).map(Topic::topicName).toList());
        for (JsonNode topic : ofKind("KafkaTopic")) {
            assertThat(topic.at("/spec/partitions").asInt()).isEqualTo(Topic.PARTITIONS);
            assertThat(topic.at("/spec/replicas").asInt()).isEqualTo(3);
            assertThat(topic.at("/spec/config/retention.ms").asLong()).as("kept forever").isEqualTo(-1);
            assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(name(kafka));
        }
    }

    @Test
    void everyKafkaClientHasItsOwnScramUserWithAclsForItsTopics() {
        assertThat(single("Kafka").at("/spec/kafka/listeners/0/authentication/type").asText()).isEqualTo("scram-sha-512");
        for (JsonNode deployment : ofKind("Deployment")) {
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            JsonNode jaas = find(container.path("env"), e -> e.path("name").asText().equals("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"));
            if (WITHOUT_KAFKA.contains(deployment.at("/metadata/labels/app.kubernetes.io~1name").asText())) {
                assertThat(jaas).isNull();
                continue;
            }
            String user = jaas.at("/valueFrom/secretKeyRef/name").asText();
            JsonNode kafkaUser = find(ofKind("KafkaUser"), u -> name(u).equals(user));
            assertThat(kafkaUser).as(name(deployment) + "'s KafkaUser").isNotNull();
            assertThat(kafkaUser.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
            assertThat(kafkaUser.at("/spec/authorization/acls").size()).isGreaterThan(0);
        }
        JsonNode intake = find(ofKind("KafkaUser"), u -> name(u).equals(RELEASE + "-intake-service"));
        assertThat(acl(intake, "aduan.complaints")).contains("Write").doesNotContain("Read");
        assertThat(acl(intake, "aduan.routing")).contains("Read").doesNotContain("Write");
    }

    @Test
    void mongoDbIsAThreeMemberReplicaSetWithAUserPerService() {
        JsonNode mongodb = single("MongoDBCommunity");
        assertThat(mongodb.at("/spec/type").asText()).isEqualTo("ReplicaSet");
        assertThat(mongodb.at("/spec/members").asInt()).isEqualTo(3);
        for (JsonNode deployment : ofKind("Deployment")) {
            JsonNode uri = find(deployment.at("/spec/template/spec/containers/0/env"), e -> e.path("name").asText().equals("SPRING_DATA_MONGODB_URI"));
            if (uri == null) {
                continue;
            }
            String secret = uri.at("/valueFrom/secretKeyRef/name").asText();
            JsonNode user = find(mongodb.at("/spec/users"), u -> u.path("connectionStringSecretName").asText().equals(secret));
            assertThat(user).as(name(deployment) + "'s MongoDB user").isNotNull();
            assertThat(user.at("/roles/0/db").asText())
                    .isEqualTo(env(deployment.at("/spec/template/spec/containers/0"), "SPRING_DATA_MONGODB_DATABASE"));
        }
    }

    @Test
    void postgreSqlIsACloudNativePgClusterOfThreeInstances() {
        JsonNode cluster = single("Cluster");
        assertThat(cluster.path("apiVersion").asText()).isEqualTo("postgresql.cnpg.io/v1");
        assertThat(cluster.at("/spec/instances").asInt()).isEqualTo(3);
        assertThat(cluster.at("/spec/bootstrap/initdb/database").asText()).isEqualTo("aduan_intake");
        JsonNode intake = deployment("intake-service").at("/spec/template/spec/containers/0");
        assertThat(env(intake, "SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://" + name(cluster) + "-rw:5432/aduan_intake");
        JsonNode password = find(intake.path("env"), e -> e.path("name").asText().equals("SPRING_DATASOURCE_PASSWORD"));
        assertThat(password.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo(name(cluster) + "-app");
    }

    @Test
    void everyValueIsDocumented() throws IOException {
        List<String> lines = Files.readAllLines(chart.resolve("values.yaml"));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean isKey = line.matches("\\s*[A-Za-z][\\w.-]*:.*");
            boolean nestedInline = line.matches("\\s+(requests|limits):\\s*\\{.*");
            if (isKey && !nestedInline && !insideDocumentedBlock(lines, i)) {
                assertThat(lines.get(i - 1).trim()).as("comment above values.yaml line " + (i + 1) + ": " + line).startsWith("#");
            }
        }
    }

    // A key whose parent block has a comment documents its members through that comment (resources, annotations).
    private static boolean insideDocumentedBlock(List<String> lines, int index) {
        String line = lines.get(index);
        int indent = line.length() - line.stripLeading().length();
        if (indent == 0) {
            return false;
        }
        for (int i = index - 1; i >= 0; i--) {
            String previous = lines.get(i);
            int previousIndent = previous.length() - previous.stripLeading().length();
            if (!previous.isBlank() && !previous.trim().startsWith("#") && previousIndent < indent) {
                return previous.trim().matches("(resources|authAnnotations|ingressControllerNamespace):");
            }
        }
        return false;
    }

    private static TemplateCommand template() {
        return new Helm(chart).template().withName(RELEASE).withKubeVersion("1.30.0")
                .set("authServer.signingKey.jwk", SIGNING_KEY);
    }

    private static List<JsonNode> parse(String rendered) {
        List<JsonNode> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(rendered)) {
            if (document != null) {
                documents.add(JSON.valueToTree(document));
            }
        }
        return documents;
    }

    /**
     * fabric8's Kubernetes schemas, made strict: every object with listed properties refuses others (a misspelt
     * field fails), and the two types fabric8 describes as Java classes take their JSON forms.
     */
    private static ObjectNode kubernetesDefinitions() throws IOException {
        ObjectNode definitions = JSON.createObjectNode();
        for (URL url : Collections.list(HelmChartTest.class.getClassLoader().getResources("schema/validation-schema.json"))) {
            try (InputStream in = url.openStream()) {
                JSON.readTree(in).path("definitions").fields()
                        .forEachRemaining(entry -> definitions.putIfAbsent(entry.getKey(), entry.getValue()));
            }
        }
        assertThat(definitions.has("kubernetes_apps_Deployment")).as("fabric8 kubernetes-model jars on the test classpath").isTrue();
        definitions.fields().forEachRemaining(entry -> strict(entry.getValue()));
        definitions.set("kubernetes_apimachinery_pkg_util_intstr_IntOrString", JSON.readTree("{\"type\":[\"integer\",\"string\"]}"));
        definitions.set("kubernetes_resource_Quantity", JSON.readTree("{\"type\":[\"string\",\"integer\",\"number\"]}"));
        return definitions;
    }

    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("required").isBoolean()) {
                object.remove("required");
            }
            // fabric8's code-generation hints, no validation keywords.
            object.remove(List.of("existingJavaType", "javaType", "javaInterfaces", "javaOmitEmpty", "serializer", "deserializer"));
            if (object.has("properties") && object.path("additionalProperties").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            object.elements().forEachRemaining(HelmChartTest::strict);
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(HelmChartTest::strict);
        }
    }

    /** The -Xmx the launcher gives the service: the chart takes its heap figures from there. */
    @SuppressWarnings("unchecked")
    private static String launcherMaxHeap(String service) throws ReflectiveOperationException {
        Field perService = ServiceProcesses.class.getDeclaredField("MAX_HEAP");
        Field fallback = ServiceProcesses.class.getDeclaredField("DEFAULT_MAX_HEAP");
        perService.setAccessible(true);
        fallback.setAccessible(true);
        return ((Map<String, String>) perService.get(null)).getOrDefault(service, (String) fallback.get(null));
    }

    private static long megabytes(String quantity) {
        String digits = quantity.replaceAll("\\D", "");
        String unit = quantity.substring(digits.length()).toLowerCase();
        long value = Long.parseLong(digits);
        return switch (unit) {
            case "mi", "m" -> value;
            case "gi", "g" -> value * 1024;
            default -> throw new IllegalArgumentException("unexpected memory quantity " + quantity);
        };
    }

    private static String acl(JsonNode user, String topic) {
        return stream(user.at("/spec/authorization/acls"))
                .filter(acl -> acl.at("/resource/name").asText().equals(topic))
                .map(acl -> acl.path("operations").toString())
                .collect(Collectors.joining());
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> entries = selector.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static String env(JsonNode container, String variable) {
        JsonNode entry = find(container.path("env"), e -> e.path("name").asText().equals(variable));
        return entry == null ? null : entry.path("value").asText();
    }

    private static JsonNode deployment(String service) {
        return find(ofKind("Deployment"), d -> name(d).equals(RELEASE + "-" + service));
    }

    private static JsonNode single(String kind) {
        assertThat(ofKind(kind)).as(kind).hasSize(1);
        return ofKind(kind).get(0);
    }

    private static List<JsonNode> ofKind(String kind) {
        return manifests.stream().filter(m -> m.path("kind").asText().equals(kind)).toList();
    }

    private static JsonNode find(Iterable<JsonNode> nodes, Predicate<JsonNode> test) {
        return StreamSupport.stream(nodes.spliterator(), false).filter(test).findFirst().orElse(null);
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static String name(JsonNode manifest) {
        return manifest.at("/metadata/name").asText();
    }

    private static Path repositoryRoot() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isDirectory(directory.resolve("deploy/helm")) && Files.isRegularFile(directory.resolve("mvnw"))) {
                return directory;
            }
        }
        throw new IllegalStateException("No directory with deploy/helm and mvnw above " + Path.of("").toAbsolutePath());
    }
}
