-- +goose Up
-- Sign-in for the web app and the API. Secrets are never stored: passwords
-- as argon2id PHC strings, session and API tokens as hex SHA-256 digests.
CREATE TABLE accounts (
    person_id     INTEGER PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
    role          TEXT NOT NULL CHECK (role IN ('owner', 'member')),
    password_hash TEXT NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);

CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    created_at   TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_person ON sessions (person_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    prefix       TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    UNIQUE (person_id, name)
);

-- Failed sign-ins, counted per email (scope 'account') and per client
-- address (scope 'address'). Each subject has as many slots as failures it
-- may have in the window; a failure takes a free or expired slot by upsert,
-- which stays exact when several server processes race. person_id is set
-- for known emails so that deleting a person removes their rows.
CREATE TABLE auth_failures (
    scope     TEXT NOT NULL,
    subject   TEXT NOT NULL,
    slot      INTEGER NOT NULL,
    person_id INTEGER REFERENCES persons (id) ON DELETE CASCADE,
    failed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (scope, subject, slot)
);
CREATE INDEX auth_failures_time ON auth_failures (failed_at);
CREATE INDEX auth_failures_person ON auth_failures (person_id);

-- +goose Down
DROP TABLE auth_failures;
DROP TABLE api_tokens;
DROP TABLE sessions;
DROP TABLE accounts;
