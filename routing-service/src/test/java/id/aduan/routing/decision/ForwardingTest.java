package id.aduan.routing.decision;

import static id.aduan.routing.decision.RouterTest.DATA;
import static id.aduan.routing.decision.RouterTest.ROUTER;
import static id.aduan.routing.decision.RouterTest.complaint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.aduan.contracts.ComplaintRouted.Destination;
import id.aduan.contracts.ComplaintRouted.Step;
import id.aduan.routing.reference.Agency;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Not our authority": where a forwarded complaint goes, when it escalates, and what a coordinator's disposition records. */
class ForwardingTest {

    private static final int HOP_LIMIT = 3;
    private static final String QUEUE = "QUEUE";

    /**
     * Each row submits a complaint, then lets whoever holds it forward it once per suggestion in
     * {@code suggestions} ({@code -} for none), and checks the last step.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # case                                                        | category          | region   | suggestions                                  | goes to        | rule                | step      | hop
            city roads office says it is a provincial road                 | INFRA.ROAD        | 32.73.01 | 32.DPUPR                                     | 32.DPUPR       | provincial-roads    | FORWARDED | 1
            city roads office says it is a national road                   | INFRA.ROAD        | 32.73.01 | KEMENPU                                      | KEMENPU        | national-roads      | FORWARDED | 1
            suggestion no rule names: nobody else competent, to the queue  | INFRA.ROAD        | 32.73.01 | 32.73.DUKCAPIL                               | QUEUE          | coordinators-queue  | FORWARDED | 1
            ministry declines a national road: the city by the rules       | INFRA.ROAD.NATIONAL | 91.03.01 | -                                          | 91.03.DPUPR    | local-roads         | FORWARDED | 1
            province sends a senior high school back to the city           | EDU.SCHOOL.SENIOR_HIGH | 32.73.02 | 32.73.DISDIK                          | 32.73.DISDIK   | schools             | FORWARDED | 1
            BPJS declines: the city health office by the rules             | HEALTH.INSURANCE  | 73.71.01 | -                                            | 73.71.DINKES   | health              | FORWARDED | 1
            BPJS suggests the ministry, which no rule names                | HEALTH.INSURANCE  | 73.71.01 | KEMENKES                                     | 73.71.DINKES   | health              | FORWARDED | 1
            province declines labour rights: the regency by the rules      | LABOUR.RIGHTS     | 91.03.01 | -                                            | 91.03.DISNAKER | labour              | FORWARDED | 1
            every agency the rules name declined it                        | LABOUR.RIGHTS     | 91.03.01 | -,-                                          | QUEUE          | coordinators-queue  | FORWARDED | 2
            the ministry, then the regency decline a national road         | INFRA.ROAD.NATIONAL | 91.03.01 | -,-                                        | QUEUE          | coordinators-queue  | FORWARDED | 2
            ping-pong up to the hop limit                                  | INFRA.ROAD        | 32.73.01 | 32.DPUPR,32.73.DPUPR,32.DPUPR                | 32.DPUPR       | provincial-roads    | FORWARDED | 3
            the fourth forward escalates                                   | INFRA.ROAD        | 32.73.01 | 32.DPUPR,32.73.DPUPR,32.DPUPR,32.73.DPUPR    | QUEUE          | hop-limit           | ESCALATED | 4
            across all three levels, then escalated                        | INFRA.ROAD        | 32.73.01 | 32.DPUPR,KEMENPU,32.73.DPUPR,32.DPUPR        | QUEUE          | hop-limit           | ESCALATED | 4
            """)
    void forwardsToTheSuggestionTheRulesAgreeWithElseByTheRulesElseToTheCoordinators(String when, String category, String region,
            String suggestions, String goesTo, String rule, Step step, int hop) {
        RoutingChain chain = RoutingChain.startingWith(ROUTER.decide(complaint(category, region, null)));
        for (String suggestion : suggestions == null ? Collections.<String>singletonList(null) : Arrays.asList(suggestions.split(","))) {
            chain = chain.then(ROUTER.forward(chain, "-".equals(suggestion) ? null : suggestion, HOP_LIMIT));
        }

        RoutingDecision last = chain.latest();
        assertThat(last.agencyCode()).isEqualTo(QUEUE.equals(goesTo) ? null : goesTo);
        assertThat(last.rule()).isEqualTo(rule);
        assertThat(last.step()).isEqualTo(step);
        assertThat(last.hop()).isEqualTo(hop);
        assertThat(last.previousAgencyCode()).isEqualTo(chain.steps().get(chain.steps().size() - 2).agencyCode());
        assertThat(last.ruleSetVersion()).isEqualTo(DATA.version());
    }

    @Test
    void aSuggestionTheRulesAgreeWithSaysWhoSuggestedItAndWhy() {
        RoutingDecision forwarded = ROUTER.forward(routedRoad(), "32.DPUPR", HOP_LIMIT);

        assertThat(forwarded.explanation()).isEqualTo("Dinas Pekerjaan Umum dan Penataan Ruang Provinsi Jawa Barat (32.DPUPR),"
                + " suggested by Dinas Pekerjaan Umum dan Penataan Ruang Kota Bandung (32.73.DPUPR) when it declared the complaint"
                + " not its authority, is competent: provincial roads are a provincial affair, and Sukasari (32.73.01) lies in"
                + " Jawa Barat (32).");
        assertThat(forwarded.inputs()).isEqualTo(new RoutingDecision.Inputs("INFRA.ROAD", "32.73.01", null, "32.DPUPR",
                List.of("32.73.DPUPR")));
    }

    @Test
    void aForwardByTheRulesNamesTheSuggestionTheyDisagreedWithAndWhoDeclinedBefore() {
        RoutingChain chain = RoutingChain.startingWith(ROUTER.decide(complaint("INFRA.ROAD.NATIONAL", "32.73.01", null)));
        chain = chain.then(ROUTER.forward(chain, "32.73.DPUPR", HOP_LIMIT));
        RoutingDecision back = ROUTER.forward(chain, "32.73.DUKCAPIL", HOP_LIMIT);

        assertThat(back.explanation()).isEqualTo("Left for the national coordinators to dispose: every agency the competence"
                + " rules name for it has declined it. Dinas Pekerjaan Umum dan Penataan Ruang Kota Bandung (32.73.DPUPR) declared"
                + " it not its authority, suggesting Dinas Kependudukan dan Pencatatan Sipil Kota Bandung (32.73.DUKCAPIL),"
                + " which no competence rule names for this complaint.");
        assertThat(back.inputs().declinedAgencyCodes()).containsExactly("KEMENPU", "32.73.DPUPR");
    }

    @Test
    void aForwardByTheRulesSaysWhichEarlierDeclinerItPassedOver() {
        RoutingChain chain = RoutingChain.startingWith(ROUTER.decide(complaint("INFRA.ROAD.NATIONAL", "32.73.01", null)));
        chain = chain.then(ROUTER.forward(chain, null, HOP_LIMIT));
        chain = chain.then(ROUTER.dispose(chain, "32.DPUPR"));
        RoutingDecision rerouted = ROUTER.forward(chain, null, HOP_LIMIT);

        assertThat(rerouted.agencyCode()).isEqualTo("32.73.DPUPR");
        assertThat(rerouted.hop()).isEqualTo(2);
        assertThat(rerouted.explanation()).isEqualTo("Dinas Pekerjaan Umum dan Penataan Ruang Kota Bandung (32.73.DPUPR) is"
                + " competent: roads other than national and provincial ones are a regency/city affair, and Sukasari (32.73.01)"
                + " lies in Kota Bandung (32.73). Dinas Pekerjaan Umum dan Penataan Ruang Provinsi Jawa Barat (32.DPUPR) declared"
                + " it not its authority; Kementerian Pekerjaan Umum (KEMENPU) declined it before.");
    }

    @Test
    void theForwardPastTheHopLimitGoesToTheCoordinatorsAndSaysSo() {
        RoutingChain chain = routedRoad();
        for (String suggestion : List.of("32.DPUPR", "32.73.DPUPR", "32.DPUPR")) {
            chain = chain.then(ROUTER.forward(chain, suggestion, HOP_LIMIT));
        }
        RoutingDecision escalated = ROUTER.forward(chain, "32.73.DPUPR", HOP_LIMIT);

        assertThat(escalated.destination()).isEqualTo(Destination.COORDINATORS_QUEUE);
        assertThat(escalated.previousAgencyCode()).isEqualTo("32.DPUPR");
        assertThat(escalated.explanation()).isEqualTo("Escalated to the national coordinators: Dinas Pekerjaan Umum dan Penataan"
                + " Ruang Provinsi Jawa Barat (32.DPUPR) declared it not its authority, suggesting Dinas Pekerjaan Umum dan Penataan"
                + " Ruang Kota Bandung (32.73.DPUPR), which makes 4 forwards, more than the limit of 3.");
    }

    @Test
    void aHigherHopLimitAllowsMoreForwards() {
        RoutingChain chain = routedRoad();
        for (String suggestion : List.of("32.DPUPR", "32.73.DPUPR", "32.DPUPR")) {
            chain = chain.then(ROUTER.forward(chain, suggestion, 5));
        }
        assertThat(ROUTER.forward(chain, "32.73.DPUPR", 5).step()).isEqualTo(Step.FORWARDED);
    }

    @Test
    void aForwardDecidesByTheCategoryACoordinatorSetAtVerification() {
        RoutingChain verified = new RoutingChain(routedRoad().steps(), "ADMINDUK.ID_CARD", null);
        RoutingDecision forwarded = ROUTER.forward(verified, null, HOP_LIMIT);

        assertThat(forwarded.agencyCode()).isEqualTo("32.73.DUKCAPIL");
        assertThat(forwarded.rule()).isEqualTo("population-records");
        assertThat(forwarded.inputs().categoryCode()).isEqualTo("ADMINDUK.ID_CARD");
    }

    @Test
    void aComplaintInTheQueueIsForwardedByNobody() {
        RoutingChain queued = RoutingChain.startingWith(ROUTER.decide(complaint("GENERAL", "32.73.01", null)));
        assertThatThrownBy(() -> ROUTER.forward(queued, null, HOP_LIMIT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCoordinatorDisposesFromTheQueueAndTheRecordSaysWhatTheRulesWouldHaveDone() {
        RoutingChain queued = RoutingChain.startingWith(ROUTER.decide(complaint("GENERAL", "32.73.01", null)));
        RoutingDecision disposed = ROUTER.dispose(queued, "32.73.DISKOMINFO");

        assertThat(disposed.step()).isEqualTo(Step.DISPOSED);
        assertThat(disposed.agencyCode()).isEqualTo("32.73.DISKOMINFO");
        assertThat(disposed.previousAgencyCode()).isNull();
        assertThat(disposed.rule()).isEqualTo(Router.COORDINATOR_DISPOSITION);
        assertThat(disposed.explanation()).isEqualTo("A national coordinator disposed it to Dinas Komunikasi dan Informatika"
                + " Kota Bandung (32.73.DISKOMINFO) from the coordinators' queue. No competence rule names an agency for it.");
    }

    @Test
    void aCoordinatorCorrectsADispositionAndTheHopCountStays() {
        RoutingChain chain = routedRoad();
        chain = chain.then(ROUTER.forward(chain, "32.DPUPR", HOP_LIMIT));
        RoutingDecision corrected = ROUTER.dispose(chain, "KEMENPU");

        assertThat(corrected.hop()).isEqualTo(1);
        assertThat(corrected.previousAgencyCode()).isEqualTo("32.DPUPR");
        assertThat(corrected.explanation()).isEqualTo("A national coordinator disposed it to Kementerian Pekerjaan Umum (KEMENPU)"
                + " in place of Dinas Pekerjaan Umum dan Penataan Ruang Provinsi Jawa Barat (32.DPUPR). The competence rules would"
                + " name Dinas Pekerjaan Umum dan Penataan Ruang Kota Bandung (32.73.DPUPR) (rule local-roads).");
        assertThat(ROUTER.dispose(routedRoad(), "32.73.DPUPR").explanation())
                .endsWith("The competence rules name the same agency (rule local-roads).");
    }

    @Test
    void aCorrectionAtVerificationGoesWhereTheRulesNameOnTheCorrectedValuesKeepingTheHop() {
        RoutingChain chain = routedRoad();
        chain = chain.then(ROUTER.forward(chain, "32.DPUPR", HOP_LIMIT));

        RoutingDecision toTheQueue = ROUTER.afterCorrection(chain.verifiedAs("GENERAL", "32.73.01"),
                "category corrected from INFRA.ROAD to GENERAL at verification").orElseThrow();
        assertThat(toTheQueue.step()).isEqualTo(Step.DISPOSED);
        assertThat(toTheQueue.destination()).isEqualTo(Destination.COORDINATORS_QUEUE);
        assertThat(toTheQueue.rule()).isEqualTo(Router.COORDINATORS_QUEUE);
        assertThat(toTheQueue.hop()).isEqualTo(1);
        assertThat(toTheQueue.previousAgencyCode()).isEqualTo("32.DPUPR");
        assertThat(toTheQueue.explanation()).isEqualTo("A national coordinator's correction (category corrected from INFRA.ROAD"
                + " to GENERAL at verification) re-routed it from Dinas Pekerjaan Umum dan Penataan Ruang Provinsi Jawa Barat"
                + " (32.DPUPR). Left for the national coordinators to dispose: no competence rule covers the category"
                + " Umum (GENERAL).");
        // The province holds it: a correction to a provincial road changes nothing.
        assertThat(ROUTER.afterCorrection(chain.verifiedAs("INFRA.ROAD.PROVINCIAL", "32.73.01"), "...")).isEmpty();
    }

    @Test
    void theChainKnowsWhoDeclinedAndWhoHoldsIt() {
        RoutingChain chain = routedRoad();
        chain = chain.then(ROUTER.forward(chain, "32.DPUPR", HOP_LIMIT));
        chain = chain.then(ROUTER.forward(chain, "32.73.DPUPR", HOP_LIMIT));

        assertThat(chain.declined()).containsExactly("32.73.DPUPR", "32.DPUPR");
        assertThat(chain.holder()).isEqualTo("32.73.DPUPR");
        assertThat(chain.reached("32.DPUPR")).isTrue();
        assertThat(chain.reached("KEMENPU")).isFalse();
        assertThat(DATA.agencies().find(chain.holder())).get().extracting(Agency::level).isEqualTo(Agency.Level.REGENCY);
    }

    /** A road in Sukasari, Kota Bandung, routed to the city's public works office. */
    private static RoutingChain routedRoad() {
        return RoutingChain.startingWith(ROUTER.decide(complaint("INFRA.ROAD", "32.73.01", null)));
    }
}
