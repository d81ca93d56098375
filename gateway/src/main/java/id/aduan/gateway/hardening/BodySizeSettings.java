package id.aduan.gateway.hardening;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body may be: small for JSON, larger where files or batches are uploaded.
 *
 * @param uploadPaths path patterns that take uploads (attachments, imports, batches)
 */
@ConfigurationProperties("aduan.gateway.body-size")
public record BodySizeSettings(
        @DefaultValue("256KB") DataSize max,
        @DefaultValue("10MB") DataSize maxUpload,
        @DefaultValue({"/api/v1/attachments", "/api/v1/imports", "/api/v1/channels/manual/batch"}) List<String> uploadPaths) {
}
