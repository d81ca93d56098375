package id.aduan.sla;

import id.aduan.testkit.OpenApiDocuments;

/** The API as the service describes it: linted, complete, and the one committed in docs/openapi/sla.json. */
class OpenApiIT extends OpenApiDocuments {

    OpenApiIT() {
        super("sla", "/v3/api-docs");
    }
}
