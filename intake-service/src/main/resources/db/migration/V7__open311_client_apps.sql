-- Open311 client apps and their api_key (docs/open311.md, "API keys"). Only the key's SHA-256 is
-- kept: the key is shown once, at issue. A revoked app stays, so its submissions keep their name.
CREATE TABLE open311_client_app (
    app_id     TEXT        PRIMARY KEY,
    name       TEXT        NOT NULL,
    key_hash   TEXT        NOT NULL UNIQUE,
    issued_at  TIMESTAMPTZ NOT NULL,
    issued_by  TEXT        NOT NULL,
    revoked_at TIMESTAMPTZ
);
