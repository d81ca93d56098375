package id.aduan.platform.security;

import id.aduan.platform.web.ProblemWriter;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import reactor.core.publisher.Mono;

/**
 * Every service (and the gateway) is an OAuth2 resource server: a request needs a valid token from
 * Aduan's issuer for audience {@code aduan-api}; only health and metrics are open, and GET on the
 * paths listed in {@value #PUBLIC_GET_PATHS}. Endpoints state which roles they accept with
 * {@code @PreAuthorize}. The Ombudsman is read-only by construction: a token with that role is
 * refused (403) on every POST, PUT, PATCH and DELETE, whatever the endpoint would accept. The paths
 * in {@value #API_KEY_PATHS} also take a change without a token: their endpoint authenticates the
 * caller by an API key of its own (Open311's {@code api_key}) and refuses a caller with neither. The paths in
 * {@value #PASSTHROUGH_PATHS} are not this application's to secure: the gateway forwards them to the web app,
 * which logs people in and checks every form itself (docs/web.md). Where the
 * token carries the roles, agency and unit is configured once ({@link ActorClaims}); endpoints get the
 * token with them where {@link Actor#of(Jwt)} reads them, whichever issuer signed it.
 */
@AutoConfiguration
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
@EnableConfigurationProperties(ActorClaims.class)
public class SecurityAutoConfiguration {

    static final String PUBLIC_GET_PATHS = "aduan.security.public-get-paths";
    static final String API_KEY_PATHS = "aduan.security.api-key-paths";
    static final String PASSTHROUGH_PATHS = "aduan.security.passthrough-paths";
    private static final List<HttpMethod> CHANGES = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    @Bean
    @ConditionalOnMissingBean
    SecurityWebFilterChain aduanSecurity(ServerHttpSecurity http, ProblemWriter problems, Environment environment,
            ActorClaims actorClaims) {
        // Open to anonymous callers only: a bearer token sent there is still validated, and a bad one refused.
        String[] publicGetPaths = paths(environment, PUBLIC_GET_PATHS);
        String[] apiKeyPaths = paths(environment, API_KEY_PATHS);
        String[] passthroughPaths = paths(environment, PASSTHROUGH_PATHS);
        ServerAuthenticationEntryPoint unauthorized = (exchange, e) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
        };
        ServerAccessDeniedHandler forbidden = (exchange, e) ->
                problems.write(exchange, HttpStatus.FORBIDDEN, "Your role may not do this.");
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(exchanges -> {
                    if (passthroughPaths.length > 0) {
                        exchanges.pathMatchers(passthroughPaths).permitAll();
                    }
                    exchanges.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info")
                            .permitAll();
                    // The API's description holds no data; the gateway shows every service's in one Swagger UI.
                    exchanges.pathMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").permitAll();
                    if (publicGetPaths.length > 0) {
                        exchanges.pathMatchers(HttpMethod.GET, publicGetPaths).permitAll();
                    }
                    for (HttpMethod change : CHANGES) {
                        if (apiKeyPaths.length > 0) {
                            exchanges.pathMatchers(change, apiKeyPaths).access(SecurityAutoConfiguration::noTokenOrMayChange);
                        }
                        exchanges.pathMatchers(change, "/**").access(SecurityAutoConfiguration::mayChange);
                    }
                    exchanges.anyExchange().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> authenticate(actorClaims.normalise(token))))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .build();
    }

    /** Any authenticated caller but the Ombudsman; without a token the caller is asked for one (401). */
    private static Mono<AuthorizationDecision> mayChange(Mono<Authentication> authentication, AuthorizationContext context) {
        return authentication.filter(Authentication::isAuthenticated)
                .map(SecurityAutoConfiguration::notOmbudsman)
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    /** Without a token the endpoint asks for its API key; a token is held to {@link #mayChange}. */
    private static Mono<AuthorizationDecision> noTokenOrMayChange(Mono<Authentication> authentication,
            AuthorizationContext context) {
        return authentication.filter(Authentication::isAuthenticated)
                .map(SecurityAutoConfiguration::notOmbudsman)
                .defaultIfEmpty(new AuthorizationDecision(true));
    }

    private static AuthorizationDecision notOmbudsman(Authentication caller) {
        return new AuthorizationDecision(caller.getAuthorities().stream()
                .noneMatch(authority -> Role.OMBUDSMAN.authority().equals(authority.getAuthority())));
    }

    private static String[] paths(Environment environment, String property) {
        return Binder.get(environment).bind(property, Bindable.listOf(String.class)).orElse(List.of()).toArray(String[]::new);
    }

    /** The principal is the normalised token: {@code @AuthenticationPrincipal Jwt} and the audit trail read that one. */
    private static Mono<AbstractAuthenticationToken> authenticate(Jwt jwt) {
        var authorities = Actor.rolesOf(jwt).stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
    }
}
