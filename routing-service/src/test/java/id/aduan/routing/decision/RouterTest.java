package id.aduan.routing.decision;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.Channel;
import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.Location;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final Router router = new Router();

    @Test
    void aComplaintAddressedToAnAgencyGoesToThatAgency() {
        RoutingDecision decision = router.decide(complaint("32.73.DUKCAPIL"));
        assertThat(decision).isEqualTo(RoutingDecision.toAgency("32.73.DUKCAPIL", Router.ADDRESSED_AGENCY,
                "The reporter addressed 32.73.DUKCAPIL."));
    }

    @Test
    void aComplaintAddressedToNobodyWaitsForTheNationalCoordinators() {
        RoutingDecision decision = router.decide(complaint(null));
        assertThat(decision.destination()).isEqualTo(Destination.COORDINATORS_QUEUE);
        assertThat(decision.agencyCode()).isNull();
        assertThat(decision.rule()).isEqualTo(Router.COORDINATORS_QUEUE);
    }

    @Property
    void everyComplaintEndsAtExactlyOneAgencyOrTheCoordinatorsQueue(@ForAll("addressedAgencies") String addressed) {
        RoutingDecision decision = router.decide(complaint(addressed));
        boolean atAnAgency = decision.destination() == Destination.AGENCY && decision.agencyCode() != null;
        boolean atTheQueue = decision.destination() == Destination.COORDINATORS_QUEUE && decision.agencyCode() == null;
        assertThat(atAnAgency ^ atTheQueue).isTrue();
        assertThat(decision.rule()).isNotBlank();
        assertThat(decision.explanation()).isNotBlank();
    }

    @Provide
    Arbitrary<String> addressedAgencies() {
        Arbitrary<String> regional = Arbitraries.strings().numeric().ofLength(2)
                .flatMap(province -> Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(2).ofMaxLength(12)
                        .map(unit -> province + "." + unit));
        Arbitrary<String> central = Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(2).ofMaxLength(12);
        return Arbitraries.oneOf(regional, central).injectNull(0.3);
    }

    private static ComplaintSubmitted complaint(String addressedAgency) {
        Instant now = Instant.parse("2026-03-02T01:15:00Z");
        return new ComplaintSubmitted("ADU-3F7KQ9M2XD", Channel.WEB, "Jalan berlubang", "Lubang besar.", "INFRA.ROAD",
                Location.of("32.73.01"), addressedAgency, now, now, false, false, null);
    }
}
