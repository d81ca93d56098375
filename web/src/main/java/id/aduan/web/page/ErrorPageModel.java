package id.aduan.web.page;

import id.aduan.web.security.CurrentPerson;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.reactive.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Error pages (templates/error) get what the layout shows on every page: who is logged in and the path. Never
 * the settings: a client that does not ask for HTML gets these attributes as JSON.
 */
@Component
class ErrorPageModel extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(ServerRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        CurrentPerson.of(request.exchange()).ifPresent(person -> attributes.put("person", person));
        attributes.put("currentPath", request.path());
        return attributes;
    }
}
