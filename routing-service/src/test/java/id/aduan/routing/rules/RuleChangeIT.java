package id.aduan.routing.rules;

import static id.aduan.routing.RoutingCalls.submit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.reactivestreams.client.MongoDatabase;
import id.aduan.contracts.CloudEventCodec;
import id.aduan.contracts.CompetenceRulesChanged;
import id.aduan.contracts.Topic;
import id.aduan.platform.events.EventPublisher;
import id.aduan.routing.RoutingCalls;
import id.aduan.routing.decision.CompetenceRule;
import id.aduan.routing.reference.Agency;
import id.aduan.routing.reference.ReferenceData;
import id.aduan.testkit.AduanServiceTest;
import id.aduan.testkit.TestIssuer;
import id.aduan.testkit.TopicWatcher;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Coordinators change the competence rules; complaints routed afterwards are decided by the new set. */
@AduanServiceTest
class RuleChangeIT {

    private static final String RULES = "/api/v1/routing/rules";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    WebTestClient http;
    @Autowired
    RuleBook book;
    @Autowired
    MongoDatabase database;
    @Autowired
    ReferenceData data;
    @Autowired
    EventPublisher publisher;

    private final TestIssuer issuer = TestIssuer.shared();
    private RoutingCalls calls;
    private ArrayNode rulesBefore;

    @BeforeEach
    void readTheRulesInForce() {
        calls = new RoutingCalls(http);
        rulesBefore = (ArrayNode) rulesInForce().get("rules");
    }

    /** Other tests in this JVM route with whatever is in force: put back the set this test started from. */
    @AfterEach
    void restoreTheRules() {
        ObjectNode body = JSON.createObjectNode().put("reason", "Restored after a test.");
        body.set("rules", rulesBefore);
        change(body.toString()).expectStatus().isOk();
    }

    @Test
    void everyoneWhoWorksComplaintsReadsTheRulesInForceAndTheirHistory() {
        for (String token : List.of(issuer.coordinator(), issuer.ombudsman(), issuer.agency("32.73.DPUPR"))) {
            calls.get(RULES, token).expectStatus().isOk()
                    .expectHeader().exists(HttpHeaders.ETAG)
                    .expectBody()
                    .jsonPath("$.version").isNotEmpty()
                    .jsonPath("$.rules[0].id").isNotEmpty()
                    .jsonPath("$.history[-1:].revision").isEqualTo(1)
                    .jsonPath("$.history[-1:].changedBy").isEqualTo("routing-service");
        }
        calls.get(RULES, issuer.citizen()).expectStatus().isForbidden();
    }

    @Test
    void aRuleChangeAppliesToComplaintsRoutedAfterItAndIsAnnouncedOnKafka() {
        String before = submit("GENERAL", "32.73.01", null);
        String versionBefore = rulesInForce().get("version").asText();

        ObjectNode body = withRule("general-matters", "GENERAL", "REGENCY", "DISKOMINFO",
                "general questions go to the regency/city information office");
        body.put("reason", "Pertanyaan umum dijawab Diskominfo kabupaten/kota (rapat koordinasi 2026-03).");
        String versionAfter = change(body.toString()).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("version").asText();
        assertThat(versionAfter).isNotEqualTo(versionBefore).matches(data.version() + "-r[0-9]+");

        String after = submit("GENERAL", "32.73.01", null);
        calls.chain(after, issuer.coordinator()).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.decisions[0].agencyCode").isEqualTo("32.73.DISKOMINFO")
                .jsonPath("$.decisions[0].rule").isEqualTo("general-matters")
                .jsonPath("$.decisions[0].ruleSetVersion").isEqualTo(versionAfter);
        calls.chain(before, issuer.coordinator()).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.decisions[0].destination").isEqualTo("COORDINATORS_QUEUE")
                .jsonPath("$.decisions[0].ruleSetVersion").isEqualTo(versionBefore);

        try (TopicWatcher routing = TopicWatcher.watch(Topic.ROUTING)) {
            CompetenceRulesChanged changed = (CompetenceRulesChanged) CloudEventCodec.decode(routing.awaitRecord(record ->
                    CompetenceRulesChanged.SUBJECT.equals(record.key())
                            && CloudEventCodec.decode(record.value()).data() instanceof CompetenceRulesChanged event
                            && event.ruleSetVersion().equals(versionAfter), RoutingCalls.PATIENCE).value()).data();
            assertThat(changed.previousRuleSetVersion()).isEqualTo(versionBefore);
            assertThat(changed.changedBy()).isEqualTo("coordinator");
            assertThat(changed.reason()).startsWith("Pertanyaan umum");
            assertThat(changed.rules()).hasSize(rulesBefore.size() + 1)
                    .last().extracting(CompetenceRulesChanged.Rule::id).isEqualTo("general-matters");
        }
        calls.get(RULES, issuer.ombudsman()).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.history[0].version").isEqualTo(versionAfter)
                .jsonPath("$.history[0].previousVersion").isEqualTo(versionBefore)
                .jsonPath("$.history[0].changedBy").isEqualTo("coordinator");
    }

    @Test
    void aChangeStoredByAnotherRoutingInstanceAppliesHereToo() {
        RuleBook otherInstance = new RuleBook(database, data, publisher, Clock.systemUTC());
        List<CompetenceRule> rules = new ArrayList<>(book.current().block(RoutingCalls.PATIENCE).rules());
        rules.add(0, new CompetenceRule("general-to-province", "GENERAL", Agency.Level.PROVINCE, "DISKOMINFO",
                "general questions go to the provincial information office"));
        String version = otherInstance.change(rules, "coordinator-2", "Uji dua instans.", null, Instant.now())
                .block(RoutingCalls.PATIENCE).version();

        String routed = submit("GENERAL", "32.73.01", null);
        calls.chain(routed, issuer.coordinator()).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.decisions[0].agencyCode").isEqualTo("32.DISKOMINFO")
                .jsonPath("$.decisions[0].ruleSetVersion").isEqualTo(version);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRuleSetWithProblemsIsRefusedNamingEachFieldAndChangesNothing() {
        String versionBefore = rulesInForce().get("version").asText();
        ObjectNode body = withRule("local-roads", "MAGIC.BEANS", "CENTRAL", "KEMENSIHIR", "a reason");
        ((ObjectNode) body.withArray("rules").get(3)).put("categoryCode", "EDU.MAGIC");
        body.put("reason", "Uji.");

        int last = rulesBefore.size();
        change(body.toString()).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields).containsExactlyInAnyOrder(
                        "rules[3].categoryCode", "rules[%d].id".formatted(last), "rules[%d].categoryCode".formatted(last),
                        "rules[%d].unit".formatted(last)));
        change("""
                {"rules":[{"id":"x","categoryCode":"GENERAL","level":"REGENCY","unit":"NOSUCHUNIT","basis":"b"}],"reason":"Uji."}""")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("rules[0].unit");
        change("""
                {"rules":[{"id":"x","categoryCode":"GENERAL","level":"NATIONAL","unit":"BKN","basis":"b"}],"reason":"Uji."}""")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("rules[0].level");
        change("""
                {"rules":[],"reason":"Uji."}""").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("rules");
        ObjectNode noReason = JSON.createObjectNode();
        noReason.set("rules", rulesBefore);
        change(noReason.toString()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");

        assertThat(rulesInForce().get("version").asText()).isEqualTo(versionBefore);
    }

    @Test
    void onlyCoordinatorsChangeTheRules() {
        ObjectNode body = JSON.createObjectNode().put("reason", "Uji.");
        body.set("rules", rulesBefore);
        for (String token : List.of(issuer.ombudsman(), issuer.agency("32.73.DPUPR"), issuer.citizen())) {
            calls.send(HttpMethod.PUT, RULES, token, body.toString()).expectStatus().isForbidden();
        }
    }

    @Test
    void aChangeBasedOnAnOutdatedVersionIsRefused() {
        ObjectNode body = JSON.createObjectNode().put("reason", "Uji.");
        body.set("rules", rulesBefore);
        http.put().uri(RULES)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + issuer.coordinator())
                .header(HttpHeaders.IF_MATCH, "\"1999.1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.toString())
                .exchange()
                .expectStatus().isEqualTo(412)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private JsonNode rulesInForce() {
        return calls.get(RULES, issuer.coordinator()).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private ObjectNode withRule(String id, String category, String level, String unit, String basis) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode rules = rulesBefore.deepCopy();
        rules.addObject().put("id", id).put("categoryCode", category).put("level", level).put("unit", unit).put("basis", basis);
        body.set("rules", rules);
        return body;
    }

    private WebTestClient.ResponseSpec change(String json) {
        return calls.send(HttpMethod.PUT, RULES, issuer.coordinator(), json);
    }
}
