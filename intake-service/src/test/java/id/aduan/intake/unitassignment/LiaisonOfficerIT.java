package id.aduan.intake.unitassignment;

import static id.aduan.intake.OverHttp.TOKENS;

import id.aduan.intake.OverHttp;
import id.aduan.testkit.AduanServiceTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The agency admin hands a complaint to a unit; that unit's liaison officer follows it up and sees it as the agency does. */
@AduanServiceTest
class LiaisonOfficerIT {

    private static final String DPUPR = "32.73.DPUPR";
    private static final String ROADS = DPUPR + "/UPT-JALAN";

    @Autowired
    WebTestClient http;

    private OverHttp intake;

    @BeforeEach
    void setUp() {
        intake = new OverHttp(http);
    }

    @Test
    void theLiaisonOfficerOfTheUnitTheComplaintWasHandedToFollowsItUp() {
        String id = intake.submit("""
                {"title":"Jalan berlubang","description":"Lubang besar.","categoryCode":"INFRA.ROAD",
                 "location":{"regionCode":"32.73.01"},"confidential":true,"reporter":{"name":"Asep","phone":"+6281300000001"}}""")
                .trackingId();
        intake.verify(id, false, true);
        OverHttp.routeTo(id, DPUPR);
        String roads = OverHttp.liaisonOfficer(ROADS);
        String drains = OverHttp.liaisonOfficer(DPUPR + "/UPT-DRAINASE");

        // Before the admin hands it on, no unit may act on it or see it.
        intake.post(followUps(id), roads, "{\"text\":\"Dicek.\"}").expectStatus().isForbidden();
        intake.post(unitAssignment(id), roads, "{\"unitCode\":\"" + ROADS + "\"}").expectStatus().isForbidden();
        intake.post(unitAssignment(id), TOKENS.agency("32.73.DINKES"), "{\"unitCode\":\"32.73.DINKES/PUSKESMAS-1\"}")
                .expectStatus().isForbidden();
        intake.post(unitAssignment(id), TOKENS.agency(DPUPR), "{\"unitCode\":\"UPT-JALAN\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("unitCode");

        intake.post(unitAssignment(id), TOKENS.agency(DPUPR), "{\"unitCode\":\"" + ROADS + "\"}").expectStatus().isOk();
        intake.awaitView(id, "\"assignedUnitCode\":\"" + ROADS + "\"");

        intake.track(id, roads, null).expectStatus().isOk().expectBody()
                .jsonPath("$.reporter.name").isEqualTo("Asep")
                .jsonPath("$.reporter.phone").doesNotExist()
                .jsonPath("$.timeline[?(@.step == 'ASSIGNED_TO_UNIT')].agencyCode").isEqualTo(ROADS);
        intake.track(id, drains, null).expectStatus().isNotFound();
        intake.post(followUps(id), drains, "{\"text\":\"Dicek.\"}").expectStatus().isForbidden();
        String withoutUnit = TOKENS.token("penghubung-tanpa-unit", List.of("liaison-officer"), DPUPR);
        intake.post(followUps(id), withoutUnit, "{\"text\":\"Dicek.\"}").expectStatus().isForbidden();
        intake.post(followUps(id), roads, "{\"text\":\"Lubang ditambal.\"}").expectStatus().isOk();
        intake.post("/api/v1/complaints/" + id + "/completion", roads, "{}").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("AWAITING_REPORTER");
    }

    private static String followUps(String id) {
        return "/api/v1/complaints/" + id + "/follow-ups";
    }

    private static String unitAssignment(String id) {
        return "/api/v1/complaints/" + id + "/unit-assignment";
    }
}
