package id.aduan.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * Every operation's problem+json responses in the OpenAPI documents, from what the operation is
 * rather than repeated on each method: 400 when it takes input, 401 always (a bad token is refused
 * everywhere), 403 when a role is required or it changes something (the Ombudsman only reads), 404
 * when its path names something, 413 and 415 when it takes a body; and what {@link Problems} adds.
 * None for an endpoint with its {@link OwnErrorFormat}.
 */
public class OpenApiProblems implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

    static final String PROBLEM = "Problem";
    private static final String FIELD_PROBLEM = "FieldProblem";
    private static final Set<RequestMethod> CHANGES = EnumSet.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
            RequestMethod.DELETE);

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), OwnErrorFormat.class)) {
            return operation;
        }
        Set<ProblemType> types = EnumSet.of(ProblemType.UNAUTHORIZED);
        boolean body = operation.getRequestBody() != null;
        if (body || (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
            types.add(ProblemType.VALIDATION);
        }
        if (body) {
            types.add(ProblemType.PAYLOAD_TOO_LARGE);
            types.add(ProblemType.UNSUPPORTED_MEDIA_TYPE);
        }
        if (operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()))) {
            types.add(ProblemType.NOT_FOUND);
        }
        if (annotated(handler, PreAuthorize.class) || changes(handler)) {
            types.add(ProblemType.FORBIDDEN);
        }
        Problems declared = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Problems.class);
        if (declared == null) {
            declared = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Problems.class);
        }
        if (declared != null) {
            types.addAll(Arrays.asList(declared.value()));
        }
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        types.forEach(type -> operation.getResponses().addApiResponse(String.valueOf(type.status().value()), response(type)));
        return operation;
    }

    /** The problem+json schema every problem response refers to. */
    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents()
                .addSchemas(FIELD_PROBLEM, new ObjectSchema().description("A field at fault and what is wrong with it.")
                        .addProperty("field", new StringSchema().description("The field, a parameter or a path into the body."))
                        .addProperty("message", new StringSchema()))
                .addSchemas(PROBLEM, new ObjectSchema()
                        .description("RFC 9457 problem details; each type is described in docs/problems.md.")
                        .addProperty("type", new StringSchema().format("uri").description("The kind of problem, a URI under "
                                + ProblemType.BASE))
                        .addProperty("title", new StringSchema().description("The same for every problem of the type."))
                        .addProperty("status", new IntegerSchema())
                        .addProperty("detail", new StringSchema().description("What went wrong this time."))
                        .addProperty("instance", new StringSchema().format("uri-reference"))
                        .addProperty("errors", new ArraySchema().items(new Schema<>().$ref(FIELD_PROBLEM))
                                .description("The fields at fault, for validation and rule violations.")));
    }

    private static ApiResponse response(ProblemType type) {
        return new ApiResponse().description(type.title() + " (" + type.uri() + ")")
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref(PROBLEM))));
    }

    private static boolean annotated(HandlerMethod handler, Class<PreAuthorize> annotation) {
        return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), annotation)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), annotation);
    }

    private static boolean changes(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping != null && List.of(mapping.method()).stream().anyMatch(CHANGES::contains);
    }
}
