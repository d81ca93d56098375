package id.aduan.endtoend;

import static id.aduan.endtoend.RunningSuite.HTTP;
import static id.aduan.endtoend.RunningSuite.JSON;
import static id.aduan.endtoend.RunningSuite.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No wrong door across the levels of government, on a {@link RunningSuite}, through the gateway with
 * the demo clients' tokens: a road complaint that Kota Bandung's public works office declares not its
 * authority goes to the province, on to the ministry and back until the hop limit sends it to the
 * national coordinators, who dispose it by hand; the chain shows every step, and the public tracking
 * view the agency it ended with.
 */
@Order(3)
@ExtendWith(RunningSuite.Shared.class)
class ForwardingEndToEndIT {

    private static RunningSuite suite;

    @BeforeAll
    static void join(RunningSuite running) {
        suite = running;
    }

    @Test
    void aComplaintForwardedAcrossLevelsEscalatesAndIsDisposedByACoordinator() throws Exception {
        String citizen = suite.token("citizen-app", "citizen-secret");
        String coordinator = suite.token("coordinator", "coordinator-secret");
        String ombudsman = suite.token("ombudsman", "ombudsman-secret");
        String bandung = suite.token("agency-bandung-pu", "agency-secret");
        String westJava = suite.token("agency-jabar-pu", "agency-secret");
        String ministry = suite.token("agency-kemenpu", "agency-secret");

        HttpResponse<String> submitted = suite.post("/api/v1/complaints", citizen, """
                {"title":"Jalan Setiabudi rusak parah",
                 "description":"Aspal Jalan Setiabudi mengelupas sepanjang 200 meter dan membahayakan pengendara.",
                 "categoryCode":"INFRA.ROAD","location":{"regionCode":"32.73.01"},
                 "addressedAgencyCode":"32.73.DPUPR",
                 "reporter":{"name":"Dewi Lestari","email":"dewi@example.id"}}""");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String id = JSON.readTree(submitted.body()).get("trackingId").asText();
        String routing = "/api/v1/complaints/" + id + "/routing";
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(suite.get(routing, bandung).statusCode()).isEqualTo(200));

        // The city office: a provincial road. The province: a national one. The ministry: the city's after all.
        JsonNode toProvince = forward(id, bandung, "Jalan Setiabudi berstatus jalan provinsi.", "32.DPUPR");
        assertThat(toProvince.get("agencyCode").asText()).isEqualTo("32.DPUPR");
        assertThat(toProvince.get("rule").asText()).isEqualTo("provincial-roads");
        JsonNode toMinistry = forward(id, westJava, "Ruas ini jalan nasional.", "KEMENPU");
        assertThat(toMinistry.get("agencyCode").asText()).isEqualTo("KEMENPU");
        JsonNode back = forward(id, ministry, "Ruas ini tidak termasuk jalan nasional.", "32.73.DPUPR");
        assertThat(back.get("agencyCode").asText()).isEqualTo("32.73.DPUPR");
        assertThat(back.get("hop").asInt()).isEqualTo(3);
        // Another agency may not forward what it does not hold.
        assertThat(suite.post("/api/v1/complaints/" + id + "/forwarding", westJava, """
                {"reason":"Bukan kami."}""").statusCode()).isEqualTo(403);

        JsonNode escalated = forward(id, bandung, "Tetap jalan provinsi.", "32.DPUPR");
        assertThat(escalated.get("step").asText()).isEqualTo("ESCALATED");
        assertThat(escalated.get("destination").asText()).isEqualTo("COORDINATORS_QUEUE");
        assertThat(escalated.get("hop").asInt()).isEqualTo(4);
        JsonNode queue = suite.getJson("/api/v1/routing/queue", ombudsman);
        assertThat(queue.findValuesAsText("complaintId")).contains(id);

        // The Ombudsman watches the queue but never acts; a coordinator disposes.
        assertThat(suite.post("/api/v1/complaints/" + id + "/disposition", ombudsman, """
                {"agencyCode":"32.DPUPR","reason":"Coba."}""").statusCode()).isEqualTo(403);
        HttpResponse<String> disposed = suite.post("/api/v1/complaints/" + id + "/disposition", coordinator, """
                {"agencyCode":"32.DPUPR","reason":"Menurut SK Gubernur Jawa Barat, Jalan Setiabudi adalah jalan provinsi."}""");
        assertThat(disposed.statusCode()).as(disposed.body()).isEqualTo(200);
        assertThat(suite.getJson("/api/v1/routing/queue", coordinator).findValuesAsText("complaintId")).doesNotContain(id);

        JsonNode chain = suite.getJson(routing, westJava).get("decisions");
        List<String> steps = new ArrayList<>();
        chain.forEach(step -> steps.add(step.get("step").asText() + " " + step.path("agencyCode").asText("queue") + " by "
                + step.path("actor").asText("routing") + " at hop " + step.get("hop").asInt()));
        assertThat(steps).containsExactly(
                "ROUTED 32.73.DPUPR by routing at hop 0",
                "FORWARDED 32.DPUPR by agency-bandung-pu at hop 1",
                "FORWARDED KEMENPU by agency-jabar-pu at hop 2",
                "FORWARDED 32.73.DPUPR by agency-kemenpu at hop 3",
                "ESCALATED queue by agency-bandung-pu at hop 4",
                "DISPOSED 32.DPUPR by coordinator at hop 4");
        assertThat(chain.get(5).get("reason").asText()).startsWith("Menurut SK Gubernur");
        assertThat(chain.get(4).get("rule").asText()).isEqualTo("hop-limit");
        chain.forEach(step -> assertThat(step.get("ruleSetVersion").asText()).isNotBlank());

        // The public tracking view shows the agency it ended with.
        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> tracked = HTTP.send(
                    HttpRequest.newBuilder(suite.gateway("/api/v1/complaints/" + id)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(tracked.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(tracked.body()).path("assignedAgencyCode").asText()).isEqualTo("32.DPUPR");
        });
    }

    private static JsonNode forward(String id, String token, String reason, String suggested) throws Exception {
        HttpResponse<String> answer = suite.post("/api/v1/complaints/" + id + "/forwarding", token, """
                {"reason":"%s","suggestedAgencyCode":"%s"}""".formatted(reason, suggested));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }
}
