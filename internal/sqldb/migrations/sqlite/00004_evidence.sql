-- +goose Up
-- The evidence log: what a person did on the way to management. Dates are
-- days at midnight UTC; end_date is NULL for a single date. months is the
-- length the person gave, 0 when it is computed from the dates. Money is in
-- whole units of its currency.
CREATE TABLE evidence (
    id             INTEGER PRIMARY KEY,
    person_id      INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    title          TEXT NOT NULL,
    description    TEXT NOT NULL DEFAULT '',
    start_date     TIMESTAMP NOT NULL,
    end_date       TIMESTAMP,
    money_amount   INTEGER NOT NULL DEFAULT 0 CHECK (money_amount >= 0),
    money_currency TEXT NOT NULL DEFAULT '',
    hours_saved    REAL NOT NULL DEFAULT 0 CHECK (hours_saved >= 0),
    people_count   INTEGER NOT NULL DEFAULT 0 CHECK (people_count >= 0),
    months         REAL NOT NULL DEFAULT 0 CHECK (months >= 0),
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
CREATE INDEX evidence_person ON evidence (person_id, start_date);

-- One row per linked competency rather than a JSON column: readiness reads
-- a person's entries per competency, lists filter by competency, and the
-- same plain SQL serves both engines (their JSON functions differ).
-- person_id is repeated so the rows belong to their person like every
-- personal row, and a person's links are one index range. seq keeps the
-- order given: the first competency is the one the entry shows best.
CREATE TABLE evidence_competencies (
    evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    competency  TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    PRIMARY KEY (evidence_id, competency)
);
CREATE INDEX evidence_competencies_person ON evidence_competencies (person_id, competency);

-- +goose Down
DROP TABLE evidence_competencies;
DROP TABLE evidence;
