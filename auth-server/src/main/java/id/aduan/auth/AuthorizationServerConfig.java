package id.aduan.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

    /**
     * The protocol endpoints (authorize, token, JWKS, metadata, OIDC discovery and user info), secured as
     * Spring Authorization Server does by default; a browser sent to authorize without a session is
     * sent to the login page first.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), browsers()))
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        return http.build();
    }

    /**
     * Everything else: the login form (LoginPage) and its stylesheet; the probes and the metrics scrape,
     * which monitoring reaches without a token; and the error page, so that a failed request reports its
     * own status rather than a refusal. The pages run no script; after a login the browser follows
     * redirects to the app's address, so the policy leaves form-action open.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain actuatorSecurityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health", "prometheus")).permitAll()
                        // The login page with any query (?error, ?logout, ?lang=en), which formLogin's permitAll would not match.
                        .requestMatchers("/login", "/error", "/css/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(login -> login.loginPage("/login"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'")))
                // Only a browser is sent to the login page; anything else asking without credentials is told 401.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), new NegatedRequestMatcher(browsers())));
        return http.build();
    }

    /** Requests that ask for HTML by name, not merely accepting anything. */
    private static RequestMatcher browsers() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }

    /** The people who log in, from the configuration (demo users in the embedded default). */
    @Bean
    UserDetailsService users(AuthProperties properties, PasswordEncoder passwordEncoder) {
        return new InMemoryUserDetailsManager(properties.users().stream()
                .map(user -> User.withUsername(user.username()).password(passwordEncoder.encode(user.password()))
                        .authorities(user.roles().stream().map(role -> "ROLE_" + role).toArray(String[]::new)).build())
                .toList());
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer().toString()).build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(AuthProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKeyFile.loadOrCreate(properties.signingKey())));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(AuthProperties properties, LoadTestClient loadTest,
            PasswordEncoder passwordEncoder) {
        TokenSettings tokenSettings = TokenSettings.builder().accessTokenTimeToLive(properties.tokenLifetime()).build();
        Stream<RegisteredClient> systems = Stream.concat(properties.clients().stream(), loadTest.client().stream())
                .map(client -> RegisteredClient.withId(client.id())
                        .clientId(client.id())
                        .clientSecret(passwordEncoder.encode(client.secret()))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(tokenSettings)
                        .clientSettings(AccessTokenClaims.settingsFor(client))
                        .build());
        Stream<RegisteredClient> apps = properties.loginClients().stream()
                .map(app -> RegisteredClient.withId(app.id())
                        .clientId(app.id())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUris(uris -> uris.addAll(app.redirectUris()))
                        .postLogoutRedirectUris(uris -> uris.addAll(app.postLogoutRedirectUris()))
                        .scope(OidcScopes.OPENID)
                        .scope(OidcScopes.PROFILE)
                        .tokenSettings(tokenSettings)
                        // A public app cannot keep a secret: PKCE binds the code to the app that asked for it.
                        .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                        .build());
        return new InMemoryRegisteredClientRepository(Stream.concat(systems, apps).toList());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> accessTokenClaims(AuthProperties properties) {
        return new AccessTokenClaims(properties);
    }
}
