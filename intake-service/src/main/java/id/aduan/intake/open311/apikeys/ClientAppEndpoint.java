package id.aduan.intake.open311.apikeys;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.aduan.intake.open311.apikeys.ClientApps.ClientApp;
import id.aduan.platform.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Coordinators register Open311 client apps, each with its {@code api_key}, and revoke them (docs/open311.md). */
@RestController
class ClientAppEndpoint {

    static final String PATH = "/api/v1/open311/client-apps";

    private final ClientApps apps;

    ClientAppEndpoint(ClientApps apps) {
        this.apps = apps;
    }

    /** @param apiKey only in the answer to the registration: Aduan keeps nothing but its hash */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ClientAppAnswer(String appId, String name, Instant issuedAt, String issuedBy, Instant revokedAt, String apiKey) {

        static ClientAppAnswer of(ClientApp app, String apiKey) {
            return new ClientAppAnswer(app.appId(), app.name(), app.issuedAt(), app.issuedBy(), app.revokedAt(), apiKey);
        }
    }

    @PostMapping(PATH)
    @Operation(summary = "Register an Open311 client app and issue its API key, shown only in this answer")
    @PreAuthorize("hasRole('COORDINATOR')")
    Mono<ResponseEntity<ClientAppAnswer>> register(@Valid @RequestBody ClientAppRequest request, @AuthenticationPrincipal Jwt caller) {
        return apps.issue(request.name().strip(), caller.getSubject())
                .map(issued -> ResponseEntity.created(URI.create(PATH + "/" + issued.app().appId()))
                        .body(ClientAppAnswer.of(issued.app(), issued.apiKey())));
    }

    @GetMapping(PATH)
    @Operation(summary = "The registered Open311 client apps, without their keys")
    @PreAuthorize("hasRole('COORDINATOR')")
    Mono<List<ClientAppAnswer>> list() {
        return apps.all().map(all -> all.stream().map(app -> ClientAppAnswer.of(app, null)).toList());
    }

    /** Its key stops working at once; a second revocation changes nothing. */
    @DeleteMapping(PATH + "/{appId}")
    @Operation(summary = "Revoke a client app's API key")
    @PreAuthorize("hasRole('COORDINATOR')")
    Mono<ClientAppAnswer> revoke(@PathVariable String appId) {
        return apps.revoke(appId).map(app -> ClientAppAnswer.of(app, null))
                .switchIfEmpty(Mono.error(() -> ProblemResponses.problem(HttpStatus.NOT_FOUND, "No client app " + appId + ".")));
    }
}
