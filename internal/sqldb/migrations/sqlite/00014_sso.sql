-- +goose Up
-- Single sign-on (PRODUCT.md C18): an organisation's OpenID Connect
-- provider, the sign-ins under way, and the identities linked to persons.

-- One provider per organisation. The client secret is kept as given: Ladder
-- must send it to the provider's token endpoint. No page, API answer,
-- export or log shows it.
CREATE TABLE org_sso (
    org_id        INTEGER PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
    issuer        TEXT NOT NULL,
    client_id     TEXT NOT NULL,
    client_secret TEXT NOT NULL DEFAULT '',
    enabled       BOOLEAN NOT NULL DEFAULT TRUE,
    provision     BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);

-- A sign-in between the redirect to the provider and its return, keyed by
-- the hex SHA-256 digest of the random id in the browser's cookie. It is
-- deleted when used and purged once expired. address and slot are the
-- throttle slot (auth_failures, scope 'sso') the start took, given back
-- when the sign-in succeeds.
CREATE TABLE sso_attempts (
    id_hash      TEXT PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    state        TEXT NOT NULL,
    verifier     TEXT NOT NULL,
    nonce        TEXT NOT NULL,
    redirect_url TEXT NOT NULL,
    next         TEXT NOT NULL DEFAULT '/',
    address      TEXT NOT NULL,
    slot         INTEGER NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL
);
CREATE INDEX sso_attempts_expires ON sso_attempts (expires_at);

-- Who a provider's subject is in Ladder. The subject is stable per issuer,
-- unlike the email, so a second sign-in finds the person by it.
CREATE TABLE sso_links (
    issuer        TEXT NOT NULL,
    subject       TEXT NOT NULL,
    person_id     INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    org_id        INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    email         TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMP NOT NULL,
    last_login_at TIMESTAMP NOT NULL,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX sso_links_person ON sso_links (person_id);
CREATE INDEX sso_links_org ON sso_links (org_id);

-- +goose Down
DROP TABLE sso_links;
DROP TABLE sso_attempts;
DROP TABLE org_sso;
