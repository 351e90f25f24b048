-- +goose Up
CREATE TABLE journal_entries (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    entry_date  TIMESTAMP NOT NULL,
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL DEFAULT '',
    mood        INTEGER NOT NULL DEFAULT 0,
    confidence  INTEGER NOT NULL DEFAULT 0,
    challenge   TEXT NOT NULL DEFAULT '',
    r_description TEXT NOT NULL DEFAULT '',
    r_feelings    TEXT NOT NULL DEFAULT '',
    r_evaluation  TEXT NOT NULL DEFAULT '',
    r_analysis    TEXT NOT NULL DEFAULT '',
    r_conclusion  TEXT NOT NULL DEFAULT '',
    r_action_plan TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
CREATE INDEX journal_entries_person ON journal_entries (person_id, entry_date);

-- Tags and competencies are looked up per person and per value (the brag
-- document, "entries about delegation"), so they get rows, not a list column.
CREATE TABLE journal_tags (
    entry_id INTEGER NOT NULL REFERENCES journal_entries (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (entry_id, tag)
);

CREATE TABLE journal_competencies (
    entry_id   INTEGER NOT NULL REFERENCES journal_entries (id) ON DELETE CASCADE,
    competency TEXT NOT NULL,
    PRIMARY KEY (entry_id, competency)
);

-- +goose Down
DROP TABLE journal_competencies;
DROP TABLE journal_tags;
DROP TABLE journal_entries;
