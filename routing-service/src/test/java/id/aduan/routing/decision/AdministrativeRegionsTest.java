package id.aduan.routing.decision;

import static id.aduan.routing.decision.RouterTest.DATA;
import static id.aduan.routing.decision.RouterTest.ROUTER;
import static id.aduan.routing.decision.RouterTest.complaint;
import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.contracts.ComplaintRouted.Step;
import id.aduan.platform.security.Actor;
import id.aduan.reference.Category;
import id.aduan.routing.reference.Agency;
import id.aduan.routing.reference.Region;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Jakarta's administrative cities and regency: the province holds their regency/city affairs, through its suku dinas. */
class AdministrativeRegionsTest {

    @ParameterizedTest(name = "{0}: {1} in {2} -> {3} ({4})")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # case                                      | category               | region   | goes to         | unit
            family card in Gambir, Jakarta Pusat        | ADMINDUK.FAMILY_CARD   | 31.71.01 | 31.DUKCAPIL     | 31.DUKCAPIL/SUDIN-JAKPUS
            identity card in Penjaringan, Jakarta Utara | ADMINDUK.ID_CARD       | 31.72.01 | 31.DUKCAPIL     | 31.DUKCAPIL/SUDIN-JAKUT
            civil registry in Cengkareng, Jakarta Barat | ADMINDUK.CIVIL_REGISTRY | 31.73.01 | 31.DUKCAPIL    | 31.DUKCAPIL/SUDIN-JAKBAR
            population records in Jakarta Selatan       | ADMINDUK               | 31.74    | 31.DUKCAPIL     | 31.DUKCAPIL/SUDIN-JAKSEL
            population records in Matraman, Jakarta Timur | ADMINDUK             | 31.75.01 | 31.DUKCAPIL     | 31.DUKCAPIL/SUDIN-JAKTIM
            population records in Kepulauan Seribu      | ADMINDUK.ID_CARD       | 31.01.01 | 31.DUKCAPIL     | 31.DUKCAPIL/SUDIN-KEPSERIBU
            primary school in Jakarta Timur             | EDU.SCHOOL.PRIMARY     | 31.75.01 | 31.DISDIK       | 31.DISDIK/SUDIN-JAKTIM
            local road in Jakarta Selatan               | INFRA.ROAD             | 31.74.01 | 31.DPUPR        | 31.DPUPR/SUDIN-JAKSEL
            social aid in Jakarta Barat                 | SOCIAL.AID             | 31.73    | 31.DINSOS       | 31.DINSOS/SUDIN-JAKBAR
            community health in Jakarta Utara           | HEALTH                 | 31.72.01 | 31.DINKES       | 31.DINKES/SUDIN-JAKUT
            waste in Jakarta Pusat                      | ENV                    | 31.71    | 31.DLH          | 31.DLH/SUDIN-JAKPUS
            public order in Kepulauan Seribu            | PUBLIC_ORDER           | 31.01    | 31.SATPOLPP     | 31.SATPOLPP/SUDIN-KEPSERIBU
            senior high school in Gambir                | EDU.SCHOOL.SENIOR_HIGH | 31.71.01 | 31.DISDIK       | -
            unpaid wages in Jakarta Selatan             | LABOUR.RIGHTS          | 31.74.01 | 31.DISNAKER     | -
            provincial road in Jakarta Timur            | INFRA.ROAD.PROVINCIAL  | 31.75    | 31.DPUPR        | -
            railway in Jakarta Pusat                    | TRANSPORT.RAIL         | 31.71.01 | KEMENHUB        | -
            health insurance in Kepulauan Seribu        | HEALTH.INSURANCE       | 31.01.01 | BPJS-KESEHATAN  | -
            population records in Kota Bandung          | ADMINDUK               | 32.73.01 | 32.73.DUKCAPIL  | -
            """)
    void regencyAffairsInJakartaGoToTheProvincesOfficeAndTheSukuDinas(String when, String category, String region,
            String goesTo, String unit) {
        RoutingDecision decision = ROUTER.decide(complaint(category, region, null));

        assertThat(decision.destination()).isEqualTo(Destination.AGENCY);
        assertThat(decision.agencyCode()).isEqualTo(goesTo);
        assertThat(decision.unitCode()).isEqualTo(unit);
        assertThat(DATA.agencies().find(goesTo)).isPresent();
    }

    @Test
    void theExplanationSaysWhyTheProvinceHoldsTheAffair() {
        RoutingDecision decision = ROUTER.decide(complaint("ADMINDUK.FAMILY_CARD", "31.71.01", null));

        assertThat(decision.explanation()).isEqualTo("Dinas Kependudukan dan Pencatatan Sipil Provinsi Daerah Khusus Ibukota"
                + " Jakarta (31.DUKCAPIL) is competent: population records (adminduk) are a regency/city affair, and Gambir"
                + " (31.71.01) lies in Kota Administrasi Jakarta Pusat (31.71). Kota Administrasi Jakarta Pusat (31.71) is an"
                + " administrative city: the Province of Daerah Khusus Ibukota Jakarta (31) holds this affair, through its"
                + " suku dinas 31.DUKCAPIL/SUDIN-JAKPUS.");
    }

    @Test
    void aComplaintOnlyLocatedInTheProvinceStillWaitsForACoordinator() {
        assertThat(ROUTER.decide(complaint("ADMINDUK", "31", null)).inCoordinatorsQueue()).isTrue();
    }

    @Test
    void theCatalogueHasNoOfficeOfAnAdministrativeRegionAndTheProvinceAnOfficeForEachRegencyAffair() {
        assertThat(DATA.agencies().find("31.71.DUKCAPIL")).isEmpty();
        assertThat(DATA.agencies().find("31.01.DISDIK")).isEmpty();
        assertThat(DATA.agencies().find("31.DUKCAPIL")).get().satisfies(office -> {
            assertThat(office.name()).isEqualTo("Dinas Kependudukan dan Pencatatan Sipil Provinsi Daerah Khusus Ibukota Jakarta");
            assertThat(office.level()).isEqualTo(Agency.Level.PROVINCE);
            assertThat(office.parentCode()).isEqualTo("KEMENDAGRI");
        });
        // Provinces without administrative regions keep population records at their regencies/cities only.
        assertThat(DATA.agencies().find("32.DUKCAPIL")).isEmpty();
        assertThat(DATA.agencies().all()).noneMatch(AdministrativeRegionsTest::inAnAdministrativeRegion);
    }

    @Test
    void aComplaintLeftWithAnOfficeThatDoesNotExistIsDisposedToTheProvinceAndItsSukuDinas() {
        RoutingChain chain = RoutingChain.startingWith(new RoutingDecision(Step.ROUTED, 0, Destination.AGENCY, "31.73.DISDIK", null,
                null, "schools", "2025.0", RoutingDecision.Inputs.of("EDU.SCHOOL.PRIMARY", "31.73.01", null), "Earlier catalogue."));

        RoutingDecision moved = ROUTER.toTheProvinceHoldingTheAffair(chain).orElseThrow();

        assertThat(moved.step()).isEqualTo(Step.DISPOSED);
        assertThat(moved.agencyCode()).isEqualTo("31.DISDIK");
        assertThat(moved.unitCode()).isEqualTo("31.DISDIK/SUDIN-JAKBAR");
        assertThat(moved.previousAgencyCode()).isEqualTo("31.73.DISDIK");
        assertThat(moved.rule()).isEqualTo(Router.COORDINATOR_DISPOSITION);
        assertThat(moved.explanation()).isEqualTo("A national coordinator disposed it to Dinas Pendidikan Provinsi Daerah"
                + " Khusus Ibukota Jakarta (31.DISDIK) in place of 31.73.DISDIK, an office that does not exist: Kota"
                + " Administrasi Jakarta Barat (31.73) is an administrative city: the Province of Daerah Khusus Ibukota Jakarta"
                + " (31) holds this affair, through its suku dinas 31.DISDIK/SUDIN-JAKBAR.");
        // Once there, or anywhere real, nothing more to move.
        assertThat(ROUTER.toTheProvinceHoldingTheAffair(chain.then(moved))).isEmpty();
        assertThat(ROUTER.toTheProvinceHoldingTheAffair(RoutingChain.startingWith(ROUTER.decide(complaint("ADMINDUK", "32.73.01",
                null))))).isEmpty();
    }

    @Property
    void everyRoutedComplaintsAgencyIsInTheCatalogueAndNoneSitsInAnAdministrativeRegion(
            @ForAll("categories") String category, @ForAll("regions") String region) {
        RoutingDecision decision = ROUTER.decide(complaint(category, region, null));

        if (decision.destination() == Destination.AGENCY) {
            Agency agency = DATA.agencies().find(decision.agencyCode()).orElseThrow();
            assertThat(inAnAdministrativeRegion(agency)).isFalse();
            assertThat(decision.unitCode() == null || Actor.unitOf(decision.unitCode(), agency.code())).isTrue();
        }
    }

    private static boolean inAnAdministrativeRegion(Agency agency) {
        return agency.regionCode() != null && DATA.regions().find(agency.regionCode())
                .flatMap(DATA.regions()::administrative).isPresent();
    }

    @Provide
    Arbitrary<String> categories() {
        return Arbitraries.of(DATA.categories().all().stream().map(Category::code).toList());
    }

    /** Every region, with Jakarta's often enough to matter among the thousands. */
    @Provide
    Arbitrary<String> regions() {
        List<String> all = DATA.regions().all().stream().map(Region::code).toList();
        List<String> jakarta = all.stream().filter(code -> code.startsWith("31")).toList();
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(all)), Tuple.of(1, Arbitraries.of(jakarta)));
    }
}
