package id.aduan.intake.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import id.aduan.contracts.Channel;
import id.aduan.contracts.ComplaintCompleted;
import id.aduan.intake.bulk.BodyCheck;
import id.aduan.intake.bulk.CsvRows;
import id.aduan.intake.complaint.ComplaintCompletedEvent;
import id.aduan.intake.complaint.ComplaintSubmittedEvent;
import id.aduan.platform.web.CsvText;
import id.aduan.platform.web.ProblemResponses.FieldProblem;
import jakarta.validation.Validation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading histories in both formats, and which histories the lifecycle allows. */
class LegacyHistoryTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final BodyCheck BODIES = new BodyCheck(JSON, Validation.buildDefaultValidatorFactory().getValidator());

    static final String COMPLETE = """
            {"sourceApp":"APEKESAH","legacyId":"2019-0042","title":"Jalan rusak","description":"Jalan di Batu Aji berlubang.",
             "categoryCode":"INFRA.ROAD","location":{"regionCode":"21.71"},"originalChannel":"SMS","anonymous":true,
             "submittedAt":"2019-03-01T01:00:00Z",
             "verification":{"at":"2019-03-01T03:00:00Z","classification":"COMPLAINT_NO_SUPERVISORY_WEIGHT"},
             "routing":{"at":"2019-03-02T02:00:00Z","agencyCode":"21.71.DPUPR"},
             "followUps":[{"at":"2019-03-05T02:00:00Z","text":"Dijadwalkan."},{"at":"2019-03-08T02:00:00Z","text":"Sudah ditambal."}],
             "completion":{"at":"2019-03-09T02:00:00Z","how":"REPORTER_SATISFIED"}}""";

    @Test
    void aJsonLineBecomesTheEventsOfALiveComplaintAtTheOriginalTimes() {
        LegacyHistory history = read(COMPLETE);
        assertThat(history.lifecycleProblems()).isEmpty();

        List<Object> events = history.events("ADU-0000000000", Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(events).extracting(event -> event.getClass().getSimpleName()).containsExactly("ComplaintSubmittedEvent",
                "LegacyHistoryImported", "ComplaintVerifiedEvent", "ComplaintAssignedEvent", "ComplaintFollowedUpEvent",
                "ComplaintFollowedUpEvent", "ComplaintMarkedCompleteEvent", "ComplaintCompletedEvent");
        ComplaintSubmittedEvent submitted = (ComplaintSubmittedEvent) events.get(0);
        assertThat(submitted.submission().channel()).isEqualTo(Channel.LEGACY_APP);
        assertThat(submitted.submittedAt()).isEqualTo(submitted.submission().receivedAt()).isEqualTo("2019-03-01T01:00:00Z");
        assertThat(((ComplaintCompletedEvent) events.get(7)).completedAt()).isEqualTo("2019-03-09T02:00:00Z");
    }

    @Test
    void aCsvLineReadsLikeTheSameJsonLine() {
        List<List<String>> rows = CsvText.read("""
                sourceApp,legacyId,title,description,categoryCode,regionCode,originalChannel,anonymous,submittedAt,verifiedAt,classification,routedAt,agencyCode,followUp1At,followUp1Text,followUp2At,followUp2Text,completedAt,completedHow
                APEKESAH,2019-0042,Jalan rusak,Jalan di Batu Aji berlubang.,INFRA.ROAD,21.71,SMS,true,2019-03-01T01:00:00Z,2019-03-01T03:00:00Z,COMPLAINT_NO_SUPERVISORY_WEIGHT,2019-03-02T02:00:00Z,21.71.DPUPR,2019-03-05T02:00:00Z,Dijadwalkan.,2019-03-08T02:00:00Z,Sudah ditambal.,2019-03-09T02:00:00Z,REPORTER_SATISFIED
                """);
        List<String> header = CsvRows.header(rows.get(0), ImportEndpoint.COLUMNS.keySet());
        BodyCheck.Checked<LegacyHistory> checked = BODIES.read(CsvRows.toBody(header, rows.get(1), ImportEndpoint.COLUMNS),
                LegacyHistory.class, "a complaint history");
        assertThat(checked.errors()).isEmpty();
        assertThat(checked.value()).isEqualTo(read(COMPLETE));
    }

    @Test
    void aFieldOfTheWrongShapeIsNamed() {
        BodyCheck.Checked<LegacyHistory> checked = BODIES.read(json(COMPLETE.replace("\"21.71.DPUPR\"", "\"Dinas PU\"")
                .replace("\"REPORTER_SATISFIED\"", "\"HAPPY\"")), LegacyHistory.class, "a complaint history");
        assertThat(checked.errors()).extracting(FieldProblem::field).containsExactly("completion.how");
        checked = BODIES.read(json(COMPLETE.replace("\"21.71.DPUPR\"", "\"Dinas PU\"")), LegacyHistory.class, "a complaint history");
        assertThat(checked.errors()).extracting(FieldProblem::field).containsExactly("routing.agencyCode");
    }

    @Test
    void aRegionTheReferenceDoesNotKnowIsRefused() {
        BodyCheck.Checked<LegacyHistory> checked = BODIES.read(json(COMPLETE.replace("\"21.71\"", "\"94.71.01\"")),
                LegacyHistory.class, "a complaint history");
        assertThat(checked.errors()).extracting(FieldProblem::field).containsExactly("location.regionCode");
        assertThat(BODIES.read(json(COMPLETE.replace("\"21.71\"", "\"21\"")), LegacyHistory.class, "a complaint history")
                .errors()).isEmpty();
    }

    @Test
    void stepsOutOfOrderAreRefusedNamingTheLaterStep() {
        LegacyHistory history = read(COMPLETE.replace("\"at\":\"2019-03-02T02:00:00Z\"", "\"at\":\"2019-02-28T02:00:00Z\""));
        assertThat(history.lifecycleProblems()).extracting(FieldProblem::field).containsExactly("routing.at");

        history = read(COMPLETE.replace("\"at\":\"2019-03-09T02:00:00Z\"", "\"at\":\"2019-03-07T02:00:00Z\""));
        assertThat(history.lifecycleProblems()).extracting(FieldProblem::field).containsExactly("completion.at");
    }

    @Test
    void aFollowUpBeforeTheRoutingIsRefused() {
        LegacyHistory history = read(COMPLETE.replace("\"at\":\"2019-03-05T02:00:00Z\"", "\"at\":\"2019-03-01T05:00:00Z\""));
        assertThat(history.lifecycleProblems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("followUps[0].at");
            assertThat(problem.message()).contains("routing.at");
        });

        LegacyHistory unrouted = read(COMPLETE.replaceAll(",\\s*\"routing\":\\{[^}]*\\}", ""));
        assertThat(unrouted.lifecycleProblems()).extracting(FieldProblem::field).containsExactly("followUps[0]");
    }

    @Test
    void aCompletionWithoutAFollowUpIsRefused() {
        LegacyHistory history = read(COMPLETE.replaceAll("\"followUps\":\\[.*?\\],", ""));
        assertThat(history.followUps()).isEmpty();
        assertThat(history.lifecycleProblems()).extracting(FieldProblem::field).containsExactly("completion");
    }

    @Test
    void aHistoryMayEndAtAnyStep() {
        LegacyHistory submittedOnly = read(COMPLETE.replaceAll(",\\s*\"verification\".*", "}"));
        assertThat(submittedOnly.verification()).isNull();
        assertThat(submittedOnly.lifecycleProblems()).isEmpty();
        assertThat(submittedOnly.events("ADU-0000000000", Instant.now())).hasSize(2);
    }

    @Test
    void aWindowThatExpiredKeepsTheAgencysMarkingTime() {
        LegacyHistory history = read(COMPLETE.replace("\"how\":\"REPORTER_SATISFIED\"",
                "\"how\":\"REPORTER_WINDOW_EXPIRED\",\"markedCompleteAt\":\"2019-03-10T02:00:00Z\""));
        assertThat(history.completion().how()).isEqualTo(ComplaintCompleted.Reason.REPORTER_WINDOW_EXPIRED);
        assertThat(history.lifecycleProblems()).extracting(FieldProblem::field).containsExactly("completion.at");
    }

    private static LegacyHistory read(String line) {
        BodyCheck.Checked<LegacyHistory> checked = BODIES.read(json(line), LegacyHistory.class, "a complaint history");
        assertThat(checked.errors()).isEmpty();
        return checked.value();
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
