package id.aduan.web.console.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class VerificationActionsTest {

    @Test
    void theFinestRegionChosenInThePickerIsTheCorrection() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>(Map.of(
                "classification", List.of("ASPIRATION"), "regionCode", List.of("32", "32.73", "")));

        assertThat(VerificationActions.fields(form)).containsEntry("regionCode", "32.73").containsEntry("classification", "ASPIRATION");
    }

    @Test
    void aRegionPickedFromTheSearchMatchesWinsAndNoRegionChosenLeavesTheRegionAsSubmitted() {
        MultiValueMap<String, String> picked = new LinkedMultiValueMap<>(Map.of(
                "regionCode", List.of("32", "", ""), "regionCodePick", List.of("94.71.01")));
        MultiValueMap<String, String> none = new LinkedMultiValueMap<>(Map.of("regionCode", List.of("", "", "")));

        assertThat(VerificationActions.fields(picked)).containsEntry("regionCode", "94.71.01");
        assertThat(VerificationActions.fields(none)).doesNotContainKey("regionCode");
    }

    @Test
    void bothFlagsAlwaysGoAndOnlyTheCorrectionsChosen() {
        assertThat(VerificationActions.verification(Map.of("classification", "ASPIRATION", "anonymous", "true", "categoryCode", "INFRA.DRAINAGE", "regionCode", " ")))
                .isEqualTo(Map.of("classification", "ASPIRATION", "anonymous", true, "confidential", false, "categoryCode", "INFRA.DRAINAGE"));
    }
}
