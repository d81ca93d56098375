package id.aduan.intake;

import id.aduan.testkit.OpenApiDocuments;

/** The API as the service describes it: linted, complete, and the one committed in docs/openapi/intake.json. */
class OpenApiIT extends OpenApiDocuments {

    // Open311 answers errors as GeoReport v2 says (docs/open311.md), not as problem+json.
    OpenApiIT() {
        super("intake", "/v3/api-docs", "/open311/");
    }
}
