-- +goose Up
-- Multi-user from the start: every personal row belongs to a person, and a
-- person may belong to an organisation.
CREATE TABLE organisations (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE persons (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
    name        TEXT NOT NULL,
    email       TEXT NOT NULL UNIQUE,
    start_role  TEXT NOT NULL DEFAULT '',
    target_role TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
CREATE INDEX persons_org ON persons (org_id);

CREATE TABLE assessments (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    target_role  TEXT NOT NULL DEFAULT '',
    started_at   TIMESTAMP NOT NULL,
    completed_at TIMESTAMP
);
CREATE INDEX assessments_person ON assessments (person_id, started_at);

CREATE TABLE ratings (
    assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    competency    TEXT NOT NULL,
    level         INTEGER NOT NULL CHECK (level BETWEEN 0 AND 5),
    note          TEXT NOT NULL DEFAULT '',
    rated_at      TIMESTAMP NOT NULL,
    PRIMARY KEY (assessment_id, competency)
);

-- An imported competency model, kept whole as JSON; the newest active row
-- is in use, else the built-in default.
CREATE TABLE models (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER REFERENCES organisations (id) ON DELETE CASCADE,
    version     TEXT NOT NULL,
    name        TEXT NOT NULL,
    body        TEXT NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1,
    imported_at TIMESTAMP NOT NULL
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- +goose Down
DROP TABLE settings;
DROP TABLE models;
DROP TABLE ratings;
DROP TABLE assessments;
DROP TABLE persons;
DROP TABLE organisations;
