package id.aduan.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who acts for which agency and unit. */
class ActorTest {

    private static final Actor DPUPR_ADMIN = new Actor("admin-dpupr", Set.of(Role.AGENCY), "32.73.DPUPR");
    private static final Actor ROADS_LIAISON =
            new Actor("penghubung-jalan", Set.of(Role.LIAISON_OFFICER), "32.73.DPUPR", "32.73.DPUPR/UPT-JALAN");

    @Test
    void anAgencyAdminActsForItsAgencyAndEveryUnitBelowIt() {
        assertThat(DPUPR_ADMIN.actsFor("32.73.DPUPR")).isTrue();
        assertThat(DPUPR_ADMIN.actsFor("32.73.DPUPR/UPT-JALAN")).isTrue();
        assertThat(DPUPR_ADMIN.actsFor("32.73.DPUPR/UPT-DRAINASE")).isTrue();
        assertThat(DPUPR_ADMIN.actingUnit()).isNull();
    }

    @Test
    void anAgencyAdminActsForNoOtherAgencyNorForOneWhoseCodeMerelyStartsTheSame() {
        assertThat(DPUPR_ADMIN.actsFor("32.73.DUKCAPIL")).isFalse();
        assertThat(DPUPR_ADMIN.actsFor("32.DPUPR")).isFalse();
        assertThat(DPUPR_ADMIN.actsFor("32.73.DPUPRKIM")).isFalse();
        assertThat(DPUPR_ADMIN.actsFor("32.73.DPUPRKIM/UPT-JALAN")).isFalse();
        assertThat(DPUPR_ADMIN.actsFor("32.73.DPUPR/")).isFalse();
        assertThat(DPUPR_ADMIN.actsFor(null)).isFalse();
    }

    @Test
    void aLiaisonOfficerActsForItsOwnUnitOnly() {
        assertThat(ROADS_LIAISON.actsFor("32.73.DPUPR/UPT-JALAN")).isTrue();
        assertThat(ROADS_LIAISON.actsFor("32.73.DPUPR")).isFalse();
        assertThat(ROADS_LIAISON.actsFor("32.73.DPUPR/UPT-DRAINASE")).isFalse();
        assertThat(ROADS_LIAISON.actingUnit()).isEqualTo("32.73.DPUPR/UPT-JALAN");
    }

    @Test
    void aUnitOutsideTheTokensAgencyIsIgnoredAndSuchALiaisonOfficerActsForNothing() {
        Actor confused = new Actor("x", Set.of(Role.LIAISON_OFFICER), "32.73.DPUPR", "32.73.DUKCAPIL/UPT-1");
        assertThat(confused.unitCode()).isNull();
        assertThat(confused.actsFor("32.73.DUKCAPIL/UPT-1")).isFalse();
        assertThatThrownBy(confused::actingUnit).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(new Actor("y", Set.of(Role.LIAISON_OFFICER), "32.73.DPUPR")::actingUnit)
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(new Actor("c", Set.of(Role.COORDINATOR), null)::actingUnit).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void otherRolesActForNoAgency() {
        for (Role role : List.of(Role.CITIZEN, Role.COORDINATOR, Role.OMBUDSMAN)) {
            Actor actor = new Actor("x", Set.of(role), "32.73.DPUPR", "32.73.DPUPR/UPT-JALAN");
            assertThat(actor.actsFor("32.73.DPUPR")).as(role.name()).isFalse();
            assertThat(actor.actsFor("32.73.DPUPR/UPT-JALAN")).as(role.name()).isFalse();
        }
    }

    @Test
    void readsRolesAgencyAndUnitFromTheToken() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("penghubung-jalan")
                .claim(Actor.ROLES_CLAIM, List.of("liaison-officer", "not-a-role"))
                .claim(Actor.AGENCY_CLAIM, "32.73.DPUPR").claim(Actor.UNIT_CLAIM, "32.73.DPUPR/UPT-JALAN")
                .issuedAt(Instant.EPOCH).build();

        assertThat(Actor.of(jwt)).isEqualTo(ROADS_LIAISON);
    }

    @Property
    void anAdminActsForEveryUnitOfItsAgencyAndALiaisonForNothingElseThanItsUnit(
            @ForAll @AlphaChars @StringLength(min = 1, max = 10) String agency,
            @ForAll @AlphaChars @StringLength(min = 1, max = 10) String unit,
            @ForAll @AlphaChars @StringLength(min = 1, max = 12) String other) {
        String unitCode = agency + Actor.UNIT_SEPARATOR + unit;
        Actor admin = new Actor("a", Set.of(Role.AGENCY), agency);
        Actor liaison = new Actor("l", Set.of(Role.LIAISON_OFFICER), agency, unitCode);

        assertThat(admin.actsFor(unitCode)).isTrue();
        assertThat(liaison.actsFor(unitCode)).isTrue();
        assertThat(liaison.actsFor(other)).isFalse();
        assertThat(liaison.actsFor(agency)).isFalse();
        assertThat(liaison.actsFor(agency + Actor.UNIT_SEPARATOR + unit + "X")).isFalse();
        assertThat(admin.actsFor(other + Actor.UNIT_SEPARATOR + unit)).isEqualTo(other.equals(agency));
    }
}
