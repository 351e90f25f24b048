-- +goose Up
-- A person's record per catalogue certification. The catalogue itself is
-- embedded data (internal/certs), so cert_key is checked by the service, not
-- by a foreign key. Dates are days at midnight UTC and NULL when not given.
CREATE TABLE person_certifications (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    cert_key    TEXT NOT NULL,
    status      TEXT NOT NULL,
    started     TIMESTAMP,
    exam_booked TIMESTAMP,
    passed      TIMESTAMP,
    expires     TIMESTAMP,
    study_hours REAL NOT NULL DEFAULT 0 CHECK (study_hours >= 0),
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL,
    UNIQUE (person_id, cert_key)
);

-- The highest completed education, as certification bodies distinguish it
-- (none, secondary, bachelor); '' while unknown.
ALTER TABLE persons ADD COLUMN degree TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE persons DROP COLUMN degree;
DROP TABLE person_certifications;
