package id.aduan.routing.reference;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.Codes;
import id.aduan.routing.decision.CompetenceRules;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {

    private static final ReferenceData DATA = ReferenceData.load();

    @Test
    void allProvincesRegenciesAndDistrictsAreThere() {
        Map<Region.Level, Long> counts = DATA.regions().all().stream()
                .collect(Collectors.groupingBy(Region::level, Collectors.counting()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(
                Map.of(Region.Level.PROVINCE, 38L, Region.Level.REGENCY, 514L, Region.Level.DISTRICT, 7285L));
    }

    @Test
    void everyDistrictLiesInAKnownRegencyAndProvinceWithATimeZone() {
        DATA.regions().all().stream().filter(region -> region.level() == Region.Level.DISTRICT).forEach(district -> {
            assertThat(DATA.regions().enclosing(district, Region.Level.REGENCY)).isPresent();
            assertThat(DATA.regions().enclosing(district, Region.Level.PROVINCE)).isPresent();
            assertThat(DATA.regions().zoneOf(district)).isNotNull();
        });
    }

    @Test
    void everyAgencyCodeHasTheContractShapeAndAKnownParent() {
        assertThat(DATA.agencies().all()).allSatisfy(agency -> {
            assertThat(agency.code()).matches(Codes.AGENCY);
            if (agency.parentCode() != null) {
                assertThat(DATA.agencies().find(agency.parentCode())).isPresent();
            }
        });
    }

    @Test
    void theDemoAgenciesExist() {
        assertThat(DATA.agencies().find("32.73.DUKCAPIL")).get().extracting(Agency::name)
                .isEqualTo("Dinas Kependudukan dan Pencatatan Sipil Kota Bandung");
        assertThat(DATA.agencies().find("32.73.DPUPR")).get().extracting(Agency::parentCode).isEqualTo("32.DPUPR");
        assertThat(DATA.agencies().find("32.73.DUKCAPIL")).get().extracting(Agency::parentCode).isEqualTo("KEMENDAGRI");
        assertThat(DATA.agencies().find("91.DISNAKER")).get().extracting(agency -> agency.zone().getId())
                .isEqualTo("Asia/Jayapura");
    }

    @Test
    void everyRuleNamesAnAgencyForAtLeastOneRegion() {
        CompetenceRules rules = CompetenceRules.shipped(DATA);
        assertThat(rules.inOrder()).allSatisfy(rule -> assertThat(DATA.regions().all().stream()
                .map(region -> rule.agencyCodeFor(Optional.of(region), DATA.regions()))
                .flatMap(Optional::stream)
                .anyMatch(code -> DATA.agencies().find(code).isPresent()))
                .as("rule %s resolves somewhere", rule.id()).isTrue());
    }

    @Test
    void theDataIsVersioned() {
        assertThat(DATA.version()).matches("[0-9]{4}\\.[0-9]+");
    }
}
