package id.aduan.routing.subscription.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookUrlRulesTest {

    /** A DNS that knows a few names, so that no test depends on the network. */
    private static final WebhookUrlRules.Resolver DNS = host -> {
        Map<String, String[]> known = Map.of(
                "hooks.bandung.go.id", new String[] {"103.3.60.10"},
                "intranet.example.org", new String[] {"10.20.30.40"},
                "split.example.org", new String[] {"103.3.60.11", "192.168.0.5"},
                "[::1]", new String[] {"::1"},
                "169.254.169.254", new String[] {"169.254.169.254"});
        if (!known.containsKey(host)) {
            throw new UnknownHostException(host);
        }
        InetAddress[] addresses = new InetAddress[known.get(host).length];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = InetAddress.getByName(known.get(host)[i]);
        }
        return addresses;
    };

    private final WebhookUrlRules production = new WebhookUrlRules(true, false, DNS);
    private final WebhookUrlRules localDemo = new WebhookUrlRules(false, true, DNS);

    @Test
    void productionTakesAnHttpsUrlOnAPublicHost() {
        assertThat(production.problem("https://hooks.bandung.go.id/aduan?token=abc")).isEmpty();
    }

    @Test
    void productionRefusesPlainHttp() {
        assertThat(production.problem("http://hooks.bandung.go.id/aduan")).contains("must use https");
    }

    @Test
    void productionRefusesAHostThatResolvesToAnInternalAddressEvenOnlyOneOfSeveral() {
        assertThat(production.problem("https://intranet.example.org/")).get().asString().contains("internal address 10.20.30.40");
        assertThat(production.problem("https://split.example.org/")).get().asString().contains("192.168.0.5");
        assertThat(production.problem("https://[::1]/")).get().asString().contains("internal");
        assertThat(production.problem("https://169.254.169.254/latest/meta-data")).get().asString().contains("internal");
    }

    @Test
    void productionRefusesAHostThatDoesNotResolve() {
        assertThat(production.problem("https://nowhere.invalid/")).get().asString().contains("does not resolve");
    }

    @Test
    void aLocalDemoTakesPlainHttpOnLoopback() {
        assertThat(localDemo.problem("http://127.0.0.1:9999/hook")).isEmpty();
        assertThat(localDemo.problem("http://localhost:9999/hook")).isEmpty();
    }

    @Test
    void anythingButAnAbsoluteHttpUrlIsRefusedEverywhere() {
        for (WebhookUrlRules rules : new WebhookUrlRules[] {production, localDemo}) {
            assertThat(rules.problem("ftp://hooks.bandung.go.id/")).isPresent();
            assertThat(rules.problem("/relative")).isPresent();
            assertThat(rules.problem("mailto:admin@bandung.go.id")).isPresent();
            assertThat(rules.problem("https://exa mple.org/")).isPresent();
            assertThat(rules.problem("https://user:secret@hooks.bandung.go.id/")).get().asString().contains("credentials");
            assertThat(rules.problem("https://hooks.bandung.go.id/#top")).get().asString().contains("fragment");
            assertThat(rules.problem("https://hooks.bandung.go.id/" + "a".repeat(WebhookUrlRules.MAX_LENGTH))).isPresent();
        }
    }
}
