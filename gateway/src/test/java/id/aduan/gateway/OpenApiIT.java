package id.aduan.gateway;

import id.aduan.testkit.OpenApiDocuments;

/** The API as the service describes it: linted, complete, and the one committed in docs/openapi/gateway.json. */
class OpenApiIT extends OpenApiDocuments {

    OpenApiIT() {
        super("gateway", "/api-docs/gateway");
    }
}
