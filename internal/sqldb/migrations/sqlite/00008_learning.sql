-- +goose Up
CREATE TABLE learning_items (
    id            INTEGER PRIMARY KEY,
    person_id     INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    title         TEXT NOT NULL,
    kind          TEXT NOT NULL,
    link          TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL,
    progress      INTEGER NOT NULL DEFAULT 0,
    started_at    TIMESTAMP,
    finished_at   TIMESTAMP,
    progressed_at TIMESTAMP,
    notes         TEXT NOT NULL DEFAULT '',
    from_catalog  TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);
CREATE INDEX learning_items_person ON learning_items (person_id);

CREATE TABLE learning_item_competencies (
    item_id    INTEGER NOT NULL REFERENCES learning_items (id) ON DELETE CASCADE,
    competency TEXT NOT NULL,
    PRIMARY KEY (item_id, competency)
);

-- One row per person and week (the Monday), so logging a week again
-- replaces it.
CREATE TABLE time_logs (
    id               INTEGER PRIMARY KEY,
    person_id        INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    week             TIMESTAMP NOT NULL,
    technical_hours  REAL NOT NULL DEFAULT 0,
    managerial_hours REAL NOT NULL DEFAULT 0,
    learning_hours   REAL NOT NULL DEFAULT 0,
    note             TEXT NOT NULL DEFAULT '',
    created_at       TIMESTAMP NOT NULL,
    updated_at       TIMESTAMP NOT NULL,
    UNIQUE (person_id, week)
);

-- +goose Down
DROP TABLE time_logs;
DROP TABLE learning_item_competencies;
DROP TABLE learning_items;
