package id.aduan.gateway.hardening;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which web origins may call the API from a browser: none unless listed (the citizens' web app,
 * the coordinators' console). Credentials travel as bearer tokens, never cookies.
 */
@ConfigurationProperties("aduan.gateway.cors")
public record CorsSettings(@DefaultValue List<String> allowedOrigins) {
}
