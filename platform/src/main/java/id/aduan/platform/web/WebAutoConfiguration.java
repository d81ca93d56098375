package id.aduan.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

@AutoConfiguration(after = JacksonAutoConfiguration.class)
@Import(ProblemResponses.class)
public class WebAutoConfiguration {

    @Bean
    ProblemWriter problemWriter(ObjectMapper json) {
        return new ProblemWriter(json);
    }

    @Bean
    OpenApiProblems openApiProblems() {
        return new OpenApiProblems();
    }

    /**
     * The server is the gateway's origin, where every document is read (Swagger UI at the gateway),
     * rather than the address a service happens to listen on.
     */
    @Bean
    @ConditionalOnMissingBean
    OpenAPI aduanOpenApi(@Value("${spring.application.name:aduan}") String service) {
        return new OpenAPI()
                .info(new Info().title("Aduan " + service).version("v1")
                        .description("Problems are RFC 9457 problem+json; their types are described in docs/problems.md."))
                .servers(List.of(new Server().url("/").description("the gateway")));
    }
}
