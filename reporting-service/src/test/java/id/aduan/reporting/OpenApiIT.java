package id.aduan.reporting;

import id.aduan.testkit.OpenApiDocuments;

/** The API as the service describes it: linted, complete, and the one committed in docs/openapi/reporting.json. */
class OpenApiIT extends OpenApiDocuments {

    OpenApiIT() {
        super("reporting", "/v3/api-docs");
    }
}
