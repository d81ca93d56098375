package id.aduan.launcher.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Keycloak realm export (deploy/keycloak/aduan-realm.json) against what it promises, without a Keycloak:
 * every role, client, person and protocol mapper the tables of deploy/keycloak/README.md list, and the same
 * demo clients and people as auth-server's demo profile, so that neither can drift from the other.
 * {@code KeycloakRealmIT} (platform) imports the file into a real Keycloak where Docker runs.
 */
class KeycloakRealmTest {

    private static final String REALM = "deploy/keycloak/aduan-realm.json";
    private static final String README = "deploy/keycloak/README.md";
    private static final String DEMO = "auth-server/src/main/resources/application-demo.yml";
    private static final String AUTH_SERVER = "auth-server/src/main/resources/application.yml";
    private static final String SERVICE_ACCOUNT = "service-account-";

    private static Path repository;
    private static JsonNode realm;
    private static String readme;

    @BeforeAll
    static void read() throws IOException {
        repository = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(repository.resolve(REALM))) {
            repository = Objects.requireNonNull(repository.getParent(), REALM + " not found");
        }
        realm = new ObjectMapper().readTree(repository.resolve(REALM).toFile());
        readme = Files.readString(repository.resolve(README));
    }

    @Test
    void theRealmIsAduansWithExactlyTheRolesListed() {
        assertThat(realm.path("realm").asText()).isEqualTo("aduan");
        assertThat(realm.path("enabled").asBoolean()).isTrue();
        assertThat(names(realm.at("/roles/realm"), "name")).isEqualTo(column(table("Roles"), 0));
    }

    @Test
    void everyClientListedIsThereWithItsGrantRoleAgencyAndSecret() {
        List<List<String>> rows = table("Clients");
        assertThat(names(realm.path("clients"), "clientId")).isEqualTo(column(rows, 0));
        for (List<String> row : rows) {
            JsonNode client = client(row.get(0));
            if (row.get(1).equals("client credentials")) {
                assertThat(client.path("publicClient").asBoolean()).as(row.get(0)).isFalse();
                assertThat(client.path("serviceAccountsEnabled").asBoolean()).as(row.get(0)).isTrue();
                assertThat(client.path("standardFlowEnabled").asBoolean()).as(row.get(0)).isFalse();
                assertThat(client.path("secret").asText()).as(row.get(0)).isEqualTo(row.get(4));
                assertThat(strings(user(SERVICE_ACCOUNT + row.get(0)).path("realmRoles"))).as(row.get(0)).containsExactly(row.get(2));
                assertThat(user(SERVICE_ACCOUNT + row.get(0)).path("serviceAccountClientId").asText()).isEqualTo(row.get(0));
                assertThat(hardcoded(client, "agency")).as(row.get(0)).isEqualTo(row.get(3).isEmpty() ? null : row.get(3));
            } else {
                assertThat(row.get(1)).isEqualTo("authorization code with PKCE");
                assertThat(client.path("publicClient").asBoolean()).as(row.get(0)).isTrue();
                assertThat(client.path("standardFlowEnabled").asBoolean()).as(row.get(0)).isTrue();
                assertThat(client.path("implicitFlowEnabled").asBoolean()).as(row.get(0)).isFalse();
                assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(row.get(0)).isFalse();
                assertThat(client.at("/attributes/pkce.code.challenge.method").asText()).as(row.get(0)).isEqualTo("S256");
            }
        }
    }

    @Test
    void everyPersonListedLogsInWithDemoAndHasTheirRoleAgencyAndUnit() {
        List<List<String>> rows = table("People");
        Set<String> people = new TreeSet<>();
        realm.path("users").forEach(user -> {
            if (!user.has("serviceAccountClientId")) {
                people.add(user.path("username").asText());
            }
        });
        assertThat(people).isEqualTo(column(rows, 0));
        for (List<String> row : rows) {
            JsonNode person = user(row.get(0));
            assertThat(person.path("enabled").asBoolean()).as(row.get(0)).isTrue();
            assertThat(person.path("credentials")).as(row.get(0)).singleElement().satisfies(credential -> {
                assertThat(credential.path("type").asText()).isEqualTo("password");
                assertThat(credential.path("value").asText()).isEqualTo("demo");
                assertThat(credential.path("temporary").asBoolean()).isFalse();
            });
            assertThat(strings(person.path("realmRoles"))).as(row.get(0)).containsExactly(row.get(1));
            assertThat(attribute(person, "agency")).as(row.get(0)).isEqualTo(row.get(2).isEmpty() ? null : row.get(2));
            assertThat(attribute(person, "unit")).as(row.get(0)).isEqualTo(row.get(3).isEmpty() ? null : row.get(3));
        }
    }

    @Test
    void everyMapperListedIsOnTheClientsItNames() {
        for (List<String> row : table("Protocol mappers")) {
            List<JsonNode> clients = StreamSupport.stream(realm.path("clients").spliterator(), false).filter(clientsOf(row.get(2))).toList();
            assertThat(clients).as(row.get(2)).isNotEmpty();
            for (JsonNode client : clients) {
                JsonNode mapper = mapper(client, row.get(0), row.get(1));
                assertThat(mapper).as(client.path("clientId").asText() + " has " + row.get(0) + " (" + row.get(1) + ")").isNotNull();
                JsonNode config = mapper.path("config");
                assertThat(config.path("access.token.claim").asText()).isEqualTo("true");
                assertThat(config.path("id.token.claim").asText("false")).isEqualTo("false");
                switch (row.get(1)) {
                    case "oidc-audience-mapper" -> assertThat(config.path("included.custom.audience").asText()).isEqualTo("aduan-api");
                    case "oidc-usermodel-attribute-mapper" ->
                            assertThat(config.path("user.attribute").asText()).isEqualTo(config.path("claim.name").asText()).isEqualTo(row.get(0));
                    case "oidc-hardcoded-claim-mapper" -> {
                        assertThat(config.path("claim.name").asText()).isEqualTo(row.get(0));
                        if (row.get(0).equals("client_id")) {
                            assertThat(config.path("claim.value").asText()).isEqualTo(client.path("clientId").asText());
                        }
                    }
                    default -> throw new AssertionError("no check for mapper type " + row.get(1));
                }
            }
        }
    }

    @Test
    void onlyAnAdminMaySetAPersonsAgencyOrUnit() throws IOException {
        JsonNode component = realm.at("/components/org.keycloak.userprofile.UserProfileProvider/0");
        assertThat(component.path("providerId").asText()).isEqualTo("declarative-user-profile");
        JsonNode profile = new ObjectMapper().readTree(component.at("/config/kc.user.profile.config/0").asText());
        for (String name : List.of("agency", "unit")) {
            JsonNode attribute = StreamSupport.stream(profile.path("attributes").spliterator(), false)
                    .filter(candidate -> candidate.path("name").asText().equals(name)).findFirst().orElseThrow();
            assertThat(strings(attribute.at("/permissions/edit"))).as(name).containsExactly("admin");
        }
        assertThat(profile.path("unmanagedAttributePolicy").isMissingNode()).as("unmanaged attributes stay off").isTrue();
    }

    @Test
    void theSameDemoClientsAndPeopleAsAuthServersDemoProfile() throws IOException {
        Map<String, Object> auth = map(map(yaml(DEMO).get("aduan")).get("auth"));
        List<Map<String, Object>> demoClients = maps(auth.get("clients"));
        List<Map<String, Object>> demoUsers = maps(auth.get("users"));
        Set<String> systems = new TreeSet<>();
        realm.path("clients").forEach(client -> {
            if (client.path("serviceAccountsEnabled").asBoolean()) {
                systems.add(client.path("clientId").asText());
            }
        });
        assertThat(systems).isEqualTo(demoClients.stream().map(client -> String.valueOf(client.get("id"))).collect(Collectors.toCollection(TreeSet::new)));
        for (Map<String, Object> demo : demoClients) {
            String id = String.valueOf(demo.get("id"));
            assertThat(client(id).path("secret").asText()).as(id).isEqualTo(demo.get("secret"));
            assertThat(strings(user(SERVICE_ACCOUNT + id).path("realmRoles"))).as(id).isEqualTo(demo.get("roles"));
            assertThat(hardcoded(client(id), "agency")).as(id).isEqualTo(demo.get("agency"));
        }
        for (Map<String, Object> demo : demoUsers) {
            JsonNode person = user(String.valueOf(demo.get("username")));
            assertThat(person.at("/credentials/0/value").asText()).isEqualTo(demo.get("password"));
            assertThat(strings(person.path("realmRoles"))).isEqualTo(demo.get("roles"));
            assertThat(attribute(person, "agency")).isEqualTo(demo.get("agency"));
            assertThat(attribute(person, "unit")).isEqualTo(demo.get("unit"));
        }
        assertThat(table("People")).hasSameSizeAs(demoUsers);
    }

    @Test
    void theLoginClientRedirectsWhereAuthServersDoes() throws IOException {
        Map<String, Object> auth = map(map(yaml(AUTH_SERVER).get("aduan")).get("auth"));
        for (Map<String, Object> login : maps(auth.get("login-clients"))) {
            JsonNode client = client(String.valueOf(login.get("id")));
            assertThat(strings(client.path("redirectUris"))).isEqualTo(login.get("redirect-uris"));
            assertThat(client.path("publicClient").asBoolean()).isTrue();
        }
    }

    /** Which clients a mappers table row's "on" column names. */
    private Predicate<JsonNode> clientsOf(String on) {
        return switch (on) {
            case "every client" -> client -> true;
            case "every client-credentials client" -> client -> client.path("serviceAccountsEnabled").asBoolean();
            case "the agency clients" -> client -> client.path("serviceAccountsEnabled").asBoolean()
                    && strings(user(SERVICE_ACCOUNT + client.path("clientId").asText()).path("realmRoles")).contains("agency");
            default -> client -> client.path("clientId").asText().equals(on);
        };
    }

    /**
     * The rows of the first table after the heading {@code ## name} in deploy/keycloak/README.md, each cell
     * without its backticks.
     */
    private static List<List<String>> table(String heading) {
        int start = readme.indexOf("\n## " + heading + "\n");
        assertThat(start).as(README + " has the heading " + heading).isNotNegative();
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : readme.substring(start + heading.length() + 5).split("\n")) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            if (inTable && !line.startsWith("|---")) {
                List<String> cells = new ArrayList<>();
                String[] parts = line.split("\\|", -1);
                for (int i = 1; i < parts.length - 1; i++) {
                    cells.add(parts[i].trim().replace("`", ""));
                }
                rows.add(cells);
            }
            inTable = true;
        }
        assertThat(rows).as(README + " table " + heading).isNotEmpty();
        return rows;
    }

    private static Set<String> column(List<List<String>> rows, int index) {
        return rows.stream().map(row -> row.get(index)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> names(JsonNode array, String field) {
        Set<String> names = new TreeSet<>();
        array.forEach(element -> names.add(element.path(field).asText()));
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(element -> strings.add(element.asText()));
        return strings;
    }

    private static JsonNode client(String id) {
        return find(realm.path("clients"), "clientId", id);
    }

    private static JsonNode user(String username) {
        return find(realm.path("users"), "username", username);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (element.path(field).asText().equals(value)) {
                return element;
            }
        }
        throw new AssertionError(REALM + " has no " + field + " " + value);
    }

    private static JsonNode mapper(JsonNode client, String name, String type) {
        for (JsonNode mapper : client.path("protocolMappers")) {
            if (mapper.path("name").asText().equals(name) && mapper.path("protocolMapper").asText().equals(type)) {
                return mapper;
            }
        }
        return null;
    }

    private static String hardcoded(JsonNode client, String claim) {
        JsonNode mapper = mapper(client, claim, "oidc-hardcoded-claim-mapper");
        return mapper == null ? null : mapper.at("/config/claim.value").asText();
    }

    private static String attribute(JsonNode user, String name) {
        JsonNode values = user.path("attributes").path(name);
        return values.isArray() && !values.isEmpty() ? values.get(0).asText() : null;
    }

    private static Map<String, Object> yaml(String relativePath) throws IOException {
        try (Reader reader = Files.newBufferedReader(repository.resolve(relativePath))) {
            return map(new Yaml().load(reader));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        assertThat(yaml).isInstanceOf(Map.class);
        return (Map<String, Object>) yaml;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object yaml) {
        assertThat(yaml).isInstanceOf(List.class);
        return new ArrayList<>((List<Map<String, Object>>) yaml);
    }
}
