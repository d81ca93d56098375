package id.aduan.routing.decision;

import static org.assertj.core.api.Assertions.assertThat;

import id.aduan.contracts.Channel;
import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.contracts.ComplaintRouted.Step;
import id.aduan.contracts.ComplaintSubmitted;
import id.aduan.contracts.Location;
import id.aduan.reference.Category;
import id.aduan.routing.reference.Agency;
import id.aduan.routing.reference.ReferenceData;
import id.aduan.routing.reference.Region;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouterTest {

    static final ReferenceData DATA = ReferenceData.load();
    static final Router ROUTER = new Router(DATA, CompetenceRules.shipped(DATA));
    private static final String QUEUE = "QUEUE";

    @ParameterizedTest(name = "{0}: {1} in {2}, addressed to {3} -> {4} by rule {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # case                                          | category               | region   | addressed      | goes to          | rule
            senior high school in a district of Kota Bandung | EDU.SCHOOL.SENIOR_HIGH | 32.73.02 | -              | 32.DISDIK        | senior-high-schools
            primary school in Surabaya                       | EDU.SCHOOL.PRIMARY     | 35.78.01 | -              | 35.78.DISDIK     | schools
            junior high school in Surabaya, city named only  | EDU.SCHOOL.JUNIOR_HIGH | 35.78    | -              | 35.78.DISDIK     | schools
            national road in Papua                           | INFRA.ROAD.NATIONAL    | 91.03.01 | -              | KEMENPU          | national-roads
            national road with only the province known       | INFRA.ROAD.NATIONAL    | 91       | -              | KEMENPU          | national-roads
            provincial road in Jawa Barat                    | INFRA.ROAD.PROVINCIAL  | 32.73.01 | -              | 32.DPUPR         | provincial-roads
            other road in Kota Bandung                       | INFRA.ROAD             | 32.73.01 | -              | 32.73.DPUPR      | local-roads
            population records in Denpasar                   | ADMINDUK.ID_CARD       | 51.71.01 | -              | 51.71.DUKCAPIL   | population-records
            social aid in a village of Denpasar              | SOCIAL.AID             | 51.71.02.1001 | -         | 51.71.DINSOS     | social-aid
            unpaid wages in Kabupaten Jayapura               | LABOUR.RIGHTS          | 91.03.02 | -              | 91.DISNAKER      | labour-rights
            civil service anywhere                           | CIVIL_SERVICE          | 35.78.01 | -              | BKN              | civil-service
            health insurance in Makassar                      | HEALTH.INSURANCE       | 73.71.01 | -              | BPJS-KESEHATAN   | health-insurance
            food safety in Kota Batam                        | HEALTH.DRUGS_FOOD      | 21.71    | -              | BPOM             | drugs-and-food
            community health centre in Kota Batam            | HEALTH                 | 21.71    | -              | 21.71.DINKES     | health
            railway in Jakarta Pusat                         | TRANSPORT.RAIL         | 31.71.01 | -              | KEMENHUB         | railways
            business permit in Aceh Selatan                  | PERMITS                | 11.01    | -              | 11.01.DPMPTSP    | permits
            special needs school in Sentani                  | EDU.SCHOOL.SPECIAL     | 91.03.01 | -              | 91.DISDIK        | special-schools
            road addressed to the population records office  | INFRA.ROAD             | 32.73.01 | 32.73.DUKCAPIL | 32.73.DPUPR      | local-roads
            senior high school addressed to the city         | EDU.SCHOOL.SENIOR_HIGH | 32.73.02 | 32.73.DISDIK   | 32.DISDIK        | senior-high-schools
            road addressed to the competent office           | INFRA.ROAD             | 32.73.01 | 32.73.DPUPR    | 32.73.DPUPR      | local-roads
            road addressed to an unknown agency              | INFRA.ROAD             | 32.73.01 | 32.73.NOPE     | 32.73.DPUPR      | local-roads
            unknown category                                 | MAGIC.BEANS            | 32.73.01 | -              | QUEUE            | coordinators-queue
            unknown category addressed to a known agency     | MAGIC.BEANS            | 32.73.01 | 32.73.DPUPR    | QUEUE            | coordinators-queue
            category without a rule                         | GENERAL                | 32.73.01 | -              | QUEUE            | coordinators-queue
            regency matter with only the province known      | ADMINDUK               | 32       | -              | QUEUE            | coordinators-queue
            regency matter in an unknown region              | SOCIAL.AID             | 99.99    | -              | QUEUE            | coordinators-queue
            """)
    void routesByCompetence(String when, String category, String region, String addressed, String goesTo, String rule) {
        RoutingDecision decision = ROUTER.decide(complaint(category, region, addressed));

        assertThat(decision.rule()).isEqualTo(rule);
        assertThat(decision.agencyCode()).isEqualTo(QUEUE.equals(goesTo) ? null : goesTo);
        assertThat(decision.destination()).isEqualTo(QUEUE.equals(goesTo) ? Destination.COORDINATORS_QUEUE : Destination.AGENCY);
        assertThat(decision.ruleSetVersion()).isEqualTo(DATA.version());
        assertThat(decision.inputs()).isEqualTo(RoutingDecision.Inputs.of(category, region, addressed));
        assertThat(decision.step()).isEqualTo(Step.ROUTED);
        assertThat(decision.hop()).isZero();
    }

    @Test
    void aComplaintAddressedToTheWrongAgencyIsCorrectedAndSaysWhy() {
        RoutingDecision decision = ROUTER.decide(complaint("INFRA.ROAD", "32.73.01", "32.73.DUKCAPIL"));
        assertThat(decision.explanation()).isEqualTo("Dinas Pekerjaan Umum dan Penataan Ruang Kota Bandung (32.73.DPUPR)"
                + " is competent: roads other than national and provincial ones are a regency/city affair,"
                + " and Sukasari (32.73.01) lies in Kota Bandung (32.73)."
                + " It was addressed to Dinas Kependudukan dan Pencatatan Sipil Kota Bandung (32.73.DUKCAPIL),"
                + " which is not competent for this.");
    }

    @Test
    void aComplaintAddressedToTheCompetentAgencyStaysThereAndSaysSo() {
        RoutingDecision decision = ROUTER.decide(complaint("EDU.SCHOOL.SENIOR_HIGH", "32.73.02", "32.DISDIK"));
        assertThat(decision.explanation()).isEqualTo("The addressed agency Dinas Pendidikan Provinsi Jawa Barat (32.DISDIK)"
                + " is competent: senior high and vocational schools are a provincial affair,"
                + " and Coblong (32.73.02) lies in Jawa Barat (32).");
    }

    @Test
    void anUnknownAddressedAgencyIsNoted() {
        RoutingDecision decision = ROUTER.decide(complaint("ADMINDUK", "51.71.01", "51.71.NOPE"));
        assertThat(decision.explanation()).endsWith("It was addressed to 51.71.NOPE, which is not in the agency catalogue.");
    }

    @Test
    void aQueuedComplaintSaysWhatWasMissing() {
        assertThat(ROUTER.decide(complaint("ADMINDUK", "32", null)).explanation()).isEqualTo(
                "Left for the national coordinators to dispose: rule population-records needs a location within"
                        + " a regency/city, and Jawa Barat (32) names only a province (location too coarse).");
        assertThat(ROUTER.decide(complaint("MAGIC.BEANS", "32.73.01", null)).explanation()).isEqualTo(
                "Left for the national coordinators to dispose: the category MAGIC.BEANS is not in the category tree.");
        assertThat(ROUTER.decide(complaint("GENERAL", "32.73.01", null)).explanation()).isEqualTo(
                "Left for the national coordinators to dispose: no competence rule covers the category Umum (GENERAL).");
    }

    @Property
    void everyComplaintEndsAtExactlyOneCataloguedAgencyOrTheCoordinatorsQueue(
            @ForAll("categories") String category, @ForAll("regions") String region, @ForAll("agencies") String addressed) {
        assertAtExactlyOneAgencyOrTheQueue(ROUTER.decide(complaint(category, region, addressed)));
    }

    /**
     * Whoever holds the complaint forwards it, with any suggestion (none, a catalogued agency, one the
     * rules name at its location); a coordinator disposes it from the queue to any agency. At every
     * step it lies with exactly one catalogued agency or in the queue, a forward never sends it back
     * to the forwarder, and no forward past the hop limit leaves it with an agency.
     */
    @Property
    void forwardingKeepsTheComplaintSomewhereAndNeverPastTheHopLimitWithoutEscalating(
            @ForAll("categories") String category, @ForAll("regions") String region, @ForAll("agencies") String addressed,
            @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 10_000) Integer> choices,
            @ForAll @IntRange(min = 0, max = 5) int hopLimit) {
        RoutingChain chain = RoutingChain.startingWith(ROUTER.decide(complaint(category, region, addressed)));
        List<String> catalogue = DATA.agencies().all().stream().map(Agency::code).toList();
        List<String> namedByRules = ROUTER.rules().inOrder().stream()
                .flatMap(rule -> rule.agencyCodeFor(DATA.regions().find(region), DATA.regions()).stream()).toList();
        for (int choice : choices) {
            RoutingDecision latest = chain.latest();
            RoutingDecision next;
            if (latest.inCoordinatorsQueue()) {
                next = ROUTER.dispose(chain, catalogue.get(choice % catalogue.size()));
                assertThat(next.step()).isEqualTo(Step.DISPOSED);
                assertThat(next.hop()).isEqualTo(latest.hop());
            } else {
                String suggestion = choice % 3 == 0 ? null
                        : choice % 3 == 1 || namedByRules.isEmpty() ? catalogue.get(choice % catalogue.size())
                        : namedByRules.get(choice % namedByRules.size());
                next = ROUTER.forward(chain, suggestion, hopLimit);
                assertThat(next.hop()).isEqualTo(latest.hop() + 1);
                assertThat(next.previousAgencyCode()).isEqualTo(latest.agencyCode());
                assertThat(next.agencyCode()).isNotEqualTo(latest.agencyCode());
                assertThat(next.step()).isEqualTo(next.hop() > hopLimit ? Step.ESCALATED : Step.FORWARDED);
            }
            assertAtExactlyOneAgencyOrTheQueue(next);
            chain = chain.then(next);
        }
    }

    private static void assertAtExactlyOneAgencyOrTheQueue(RoutingDecision decision) {
        boolean atAnAgency = decision.destination() == Destination.AGENCY
                && DATA.agencies().find(decision.agencyCode()).isPresent();
        boolean atTheQueue = decision.destination() == Destination.COORDINATORS_QUEUE && decision.agencyCode() == null;
        assertThat(atAnAgency ^ atTheQueue).isTrue();
        assertThat(decision.rule()).isNotBlank();
        assertThat(decision.explanation()).isNotBlank();
    }

    @Provide
    Arbitrary<String> categories() {
        List<String> known = DATA.categories().all().stream().map(Category::code).toList();
        return Arbitraries.oneOf(Arbitraries.of(known), garbage());
    }

    @Provide
    Arbitrary<String> regions() {
        List<String> known = DATA.regions().all().stream().map(Region::code).toList();
        return Arbitraries.oneOf(Arbitraries.of(known), garbage());
    }

    @Provide
    Arbitrary<String> agencies() {
        List<String> known = DATA.agencies().all().stream().map(Agency::code).toList();
        return Arbitraries.oneOf(Arbitraries.of(known), garbage()).injectNull(0.3);
    }

    static Arbitrary<String> garbage() {
        return Arbitraries.strings().withChars("0123456789.ABCXYZ_- ").ofMaxLength(16);
    }

    static ComplaintSubmitted complaint(String category, String region, String addressedAgency) {
        Instant now = Instant.parse("2026-03-02T01:15:00Z");
        return new ComplaintSubmitted("ADU-3F7KQ9M2XD", Channel.WEB, "Keluhan", "Uraian keluhan.", category,
                Location.of(region), addressedAgency, now, now, false, false, null);
    }
}
