package id.aduan.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** Roles, agency and unit read from where each issuer puts them: Aduan's own server or Keycloak. */
class ActorClaimsTest {

    /** The defaults (platform's aduan-platform-defaults.yml): Aduan's own authorization server. */
    private static final ActorClaims ADUAN = new ActorClaims("roles", "agency", "unit", "");
    /** What docs/security.md says to set for deploy/keycloak's realm. */
    private static final ActorClaims KEYCLOAK = new ActorClaims("realm_access.roles", "agency", "unit", "");

    @Test
    void aKeycloakLiaisonOfficersTokenBecomesTheSameActorAsOneFromAduansServer() {
        Jwt keycloak = token(Map.of("sub", "5f0c-penghubung", "preferred_username", "penghubung-jalan",
                "realm_access", Map.of("roles", List.of("default-roles-aduan", "offline_access", "liaison-officer")),
                "resource_access", Map.of("account", Map.of("roles", List.of("manage-account"))),
                "agency", "32.73.DPUPR", "unit", "32.73.DPUPR/UPT-JALAN"));

        assertThat(Actor.of(KEYCLOAK.normalise(keycloak))).isEqualTo(
                new Actor("5f0c-penghubung", Set.of(Role.LIAISON_OFFICER), "32.73.DPUPR", "32.73.DPUPR/UPT-JALAN"));
    }

    @Test
    void theNormalisedTokenKeepsEveryOtherClaimAndTheTokenItself() {
        Jwt keycloak = token(Map.of("sub", "svc", "azp", "coordinator", "aud", List.of("aduan-api", "account"),
                "realm_access", Map.of("roles", List.of("coordinator"))));

        Jwt normalised = KEYCLOAK.normalise(keycloak);

        assertThat(normalised.getTokenValue()).isEqualTo(keycloak.getTokenValue());
        assertThat(normalised.getClaims()).containsAllEntriesOf(keycloak.getClaims())
                .containsEntry(Actor.ROLES_CLAIM, List.of("coordinator"));
        assertThat(normalised.getAudience()).containsExactly("aduan-api", "account");
    }

    @Test
    void agencyAndUnitFromNestedPathsOrKeycloaksMultivaluedAttributes() {
        ActorClaims nested = new ActorClaims("realm_access.roles", "aduan.agency", "aduan.unit", "");
        Jwt token = token(Map.of("sub", "x", "realm_access", Map.of("roles", List.of("liaison-officer")),
                "aduan", Map.of("agency", List.of("32.73.DPUPR"), "unit", "32.73.DPUPR/UPT-JALAN")));

        Actor actor = Actor.of(nested.normalise(token));

        assertThat(actor.agencyCode()).isEqualTo("32.73.DPUPR");
        assertThat(actor.unitCode()).isEqualTo("32.73.DPUPR/UPT-JALAN");
    }

    @Test
    void aPrefixIsTakenOffAndCaseAndUnderscoresDoNotMatter() {
        ActorClaims prefixed = new ActorClaims("realm_access.roles", "agency", "unit", "aduan-");
        Jwt token = token(Map.of("sub", "x", "realm_access", Map.of("roles",
                List.of("ADUAN-LIAISON_OFFICER", "Aduan-Agency", "aduan-coordinator", "citizen", "aduan-nobody"))));

        assertThat(Actor.of(prefixed.normalise(token)).roles())
                .containsExactlyInAnyOrder(Role.LIAISON_OFFICER, Role.AGENCY, Role.COORDINATOR);
    }

    @Test
    void onlyTheConfiguredPlaceCounts() {
        // A top-level "roles" (another mapper, a forged attribute) grants nothing when roles are configured elsewhere.
        Jwt token = token(Map.of("sub", "x", "roles", List.of("coordinator"), "realm_access", Map.of("roles", List.of("citizen"))));

        assertThat(Actor.of(KEYCLOAK.normalise(token)).roles()).containsExactly(Role.CITIZEN);
        assertThat(Actor.of(KEYCLOAK.normalise(token(Map.of("sub", "x", "roles", List.of("coordinator"))))).roles()).isEmpty();
    }

    @Test
    void theDefaultsReadAduansOwnTokensAsTheyAre() {
        Jwt own = token(Map.of("sub", "admin-dpupr", "roles", List.of("agency", "not-a-role"), "agency", "32.73.DPUPR"));

        assertThat(Actor.of(ADUAN.normalise(own))).isEqualTo(Actor.of(own))
                .isEqualTo(new Actor("admin-dpupr", Set.of(Role.AGENCY), "32.73.DPUPR"));
    }

    @Test
    void aSingleRoleStringAndABlankAgencyAreReadSensibly() {
        Jwt token = token(Map.of("sub", "x", "realm_access", Map.of("roles", "agency"), "agency", " "));

        Actor actor = Actor.of(KEYCLOAK.normalise(token));

        assertThat(actor.roles()).containsExactly(Role.AGENCY);
        assertThat(actor.agencyCode()).isNull();
    }

    private static Jwt token(Map<String, Object> claims) {
        return Jwt.withTokenValue("header.payload.signature").header("alg", "RS256").claims(all -> all.putAll(claims))
                .issuedAt(Instant.EPOCH).build();
    }
}
