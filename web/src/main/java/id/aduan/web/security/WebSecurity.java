package id.aduan.web.security;

import id.aduan.web.WebSettings;
import java.net.URI;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;
import reactor.core.publisher.Mono;

/**
 * A backend-for-frontend: people log in at the authorization server (authorization code with PKCE), the
 * tokens stay in the server-side session, and the browser holds only the session cookie. Every form carries
 * a CSRF token, and pages run no inline script (docs/web.md, "Security").
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
class WebSecurity {

    /** The login registration's id: the callback is {@code /login/oauth2/code/aduan}. */
    static final String LOGIN = "aduan";
    /** The portal's own client, for people who have not logged in. */
    static final String PORTAL = "portal";

    @Bean
    SecurityWebFilterChain pages(ServerHttpSecurity http, WebSettings settings,
            ReactiveClientRegistrationRepository registrations, ReactiveJwtDecoder accessTokens) {
        var logoutSuccess = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        logoutSuccess.setPostLogoutRedirectUri(settings.publicUrl() + "/");
        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .pathMatchers("/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico").permitAll()
                        // The citizen portal: submitting, tracking and the statistics need no login.
                        .pathMatchers("/", "/language", "/complaints/**", "/statistics", "/regions/**", "/error").permitAll()
                        .pathMatchers("/agency/**").hasAnyRole(Person.AGENCY, Person.LIAISON_OFFICER)
                        .pathMatchers("/console/**").hasRole(Person.COORDINATOR)
                        .pathMatchers("/ombudsman/**").hasRole(Person.OMBUDSMAN)
                        .anyExchange().authenticated())
                .oauth2Login(login -> login.authenticationSuccessHandler(new HomeAfterLogin()))
                .logout(logout -> logout.logoutSuccessHandler(logoutSuccess))
                // A refusal is a page in the person's language (templates/error/403.html), not a bare status.
                .exceptionHandling(handling -> handling.accessDeniedHandler(
                        (exchange, denied) -> Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN))))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(settings)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frames -> frames.mode(Mode.DENY)))
                .build();
    }

    /** Scripts and styles only from this app; map tiles from their configured origin; forms post only here or to the login. */
    static String contentSecurityPolicy(WebSettings settings) {
        String tiles = settings.map().tileOrigin();
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:" + (tiles.isEmpty() ? "" : " " + tiles),
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self' " + origin(settings.auth().browserUrl()),
                "frame-ancestors 'none'");
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(WebSettings settings) {
        URI browser = settings.auth().browserUrl();
        URI server = settings.auth().serverUrl();
        // Built here rather than discovered, so the app starts whether or not the authorization server is up yet.
        ClientRegistration login = ClientRegistration.withRegistrationId(LOGIN)
                .clientId(settings.auth().clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(settings.publicUrl() + "/login/oauth2/code/" + LOGIN)
                .scope("openid", "profile")
                .issuerUri(browser.toString())
                .authorizationUri(browser + "/oauth2/authorize")
                .tokenUri(server + "/oauth2/token")
                .jwkSetUri(server + "/oauth2/jwks")
                .userInfoUri(server + "/userinfo")
                .userNameAttributeName("sub")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", browser + "/connect/logout"))
                .build();
        ClientRegistration portal = ClientRegistration.withRegistrationId(PORTAL)
                .clientId(settings.auth().portalClientId())
                .clientSecret(settings.auth().portalClientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(server + "/oauth2/token")
                .build();
        return new InMemoryReactiveClientRegistrationRepository(login, portal);
    }

    /** Access tokens, verified with the issuer's keys before their roles are believed. */
    @Bean
    ReactiveJwtDecoder accessTokens(WebSettings settings) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSetUri(settings.auth().serverUrl() + "/oauth2/jwks").build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.auth().browserUrl().toString())));
        return decoder;
    }

    @Bean
    AccessTokenUserService oidcUserService(ReactiveJwtDecoder accessTokens) {
        return new AccessTokenUserService(accessTokens);
    }

    /** A person's tokens live in their session, and go with it at logout or expiry. */
    @Bean
    ServerOAuth2AuthorizedClientRepository sessionTokens() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    @Bean
    InMemoryReactiveOAuth2AuthorizedClientService portalTokens(ReactiveClientRegistrationRepository registrations) {
        return new InMemoryReactiveOAuth2AuthorizedClientService(registrations);
    }

    /**
     * The session cookie: HttpOnly, SameSite=Lax, and Secure wherever the app is served over https. Not named
     * SESSION: the gateway in front would take that one for its own unknown session and expire it.
     */
    @Bean
    WebSessionIdResolver webSessionIdResolver(WebSettings settings) {
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.setCookieName("ADUAN_SESSION");
        resolver.addCookieInitializer(cookie -> cookie.httpOnly(true).sameSite("Lax").secure(settings.secureCookies()).path("/"));
        return resolver;
    }
}
