package id.aduan.routing;

import id.aduan.testkit.OpenApiDocuments;

/** The API as the service describes it: linted, complete, and the one committed in docs/openapi/routing.json. */
class OpenApiIT extends OpenApiDocuments {

    OpenApiIT() {
        super("routing", "/v3/api-docs");
    }
}
