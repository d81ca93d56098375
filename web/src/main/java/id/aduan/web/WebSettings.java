package id.aduan.web;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the web app finds the API and the authorization server, and where people find it.
 *
 * @param apiUrl the gateway, which every API call goes through (so it is audited and rate-limited like any client's)
 * @param publicUrl the address people open; a request for another host is sent there first, because the
 *     authorization server returns people only to a loopback IP or a registered address (docs/web.md)
 * @param auth the authorization server: the browser's address for logging in, the server's for tokens and keys
 * @param map the map tiles of the pin on the submit page and the case file
 * @param grafanaUrl the Ombudsman's dashboards
 */
@ConfigurationProperties("aduan.web")
public record WebSettings(
        @DefaultValue("http://localhost:8080") URI apiUrl,
        @DefaultValue("http://127.0.0.1:8080") URI publicUrl,
        @DefaultValue Auth auth,
        @DefaultValue Map map,
        @DefaultValue("http://localhost:3000") URI grafanaUrl) {

    /**
     * @param browserUrl the issuer as a browser reaches it (the login page)
     * @param serverUrl the issuer as this app reaches it (tokens, keys, user info); the same on one machine
     * @param clientId the app people log in to: a public client, authorization code with PKCE
     * @param portalClientId the portal's own system client (client credentials, citizen role): it submits and
     *     tracks for people who do not log in
     * @param portalClientSecret its secret
     * @param endpoints the issuer's endpoints below its address: Spring Authorization Server's by default,
     *     Keycloak's ({@code /protocol/openid-connect/auth}...) with the compose profile {@code keycloak}
     */
    public record Auth(
            @DefaultValue("http://localhost:9000") URI browserUrl,
            @DefaultValue("http://localhost:9000") URI serverUrl,
            @DefaultValue("aduan-web") String clientId,
            @DefaultValue("web-portal") String portalClientId,
            @DefaultValue("") String portalClientSecret,
            @DefaultValue Endpoints endpoints) {
    }

    public record Endpoints(
            @DefaultValue("/oauth2/authorize") String authorization,
            @DefaultValue("/oauth2/token") String token,
            @DefaultValue("/oauth2/jwks") String jwks,
            @DefaultValue("/userinfo") String userInfo,
            @DefaultValue("/connect/logout") String endSession) {
    }

    /**
     * @param tileUrl a Leaflet tile URL template; empty hides the map, the pin's fields stay
     * @param attribution the tiles' attribution, shown on the map as their terms ask
     */
    public record Map(
            @DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png") String tileUrl,
            @DefaultValue("© OpenStreetMap contributors") String attribution) {

        /** The tiles' origin, which the page's Content-Security-Policy allows images from. */
        public String tileOrigin() {
            if (tileUrl.isBlank()) {
                return "";
            }
            // Leaflet's {s} subdomains become a wildcard; the other placeholders are in the path.
            URI uri = URI.create(tileUrl.replaceFirst("^(https?://)\\{s}\\.", "$1*.").replaceAll("\\{[^}]*}", "0"));
            return uri.getScheme() + "://" + uri.getRawAuthority();
        }
    }

    /** Cookies are Secure everywhere but on a loopback address over plain http (the embedded default). */
    public boolean secureCookies() {
        return "https".equals(publicUrl.getScheme());
    }
}
