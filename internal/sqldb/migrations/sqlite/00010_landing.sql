-- +goose Up
-- Opportunities (PRODUCT.md C12): roles and stretch assignments a person
-- follows through a pipeline of stages. next_step_date is a day or NULL.
CREATE TABLE opportunities (
    id             INTEGER PRIMARY KEY,
    person_id      INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    title          TEXT NOT NULL,
    organisation   TEXT NOT NULL DEFAULT '',
    internal       BOOLEAN NOT NULL DEFAULT FALSE,
    kind           TEXT NOT NULL,
    stage          TEXT NOT NULL,
    notes          TEXT NOT NULL DEFAULT '',
    link           TEXT NOT NULL DEFAULT '',
    next_step      TEXT NOT NULL DEFAULT '',
    next_step_date TIMESTAMP,
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
CREATE INDEX opportunities_person ON opportunities (person_id);

-- Every stage an opportunity was in, with the day it got there; seq keeps
-- the order of changes made on the same day.
CREATE TABLE opportunity_stages (
    opportunity_id INTEGER NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    stage          TEXT NOT NULL,
    changed_on     TIMESTAMP NOT NULL,
    PRIMARY KEY (opportunity_id, seq)
);

-- One row per person once they have talked to their supervisor about
-- management: it retires the prompt to do so.
CREATE TABLE supervisor_talks (
    person_id INTEGER PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
    talked_on TIMESTAMP NOT NULL,
    note      TEXT NOT NULL DEFAULT '',
    updated_at TIMESTAMP NOT NULL
);

-- Resume bullets (C15) in STAR shape, one per evidence entry. An edited
-- bullet outlives its entry, so the link is set to NULL rather than the
-- bullet deleted.
CREATE TABLE resume_bullets (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    evidence_id  INTEGER REFERENCES evidence (id) ON DELETE SET NULL,
    situation    TEXT NOT NULL DEFAULT '',
    task         TEXT NOT NULL DEFAULT '',
    action       TEXT NOT NULL DEFAULT '',
    result       TEXT NOT NULL DEFAULT '',
    text         TEXT NOT NULL,
    competencies TEXT NOT NULL DEFAULT '',
    target_role  TEXT NOT NULL DEFAULT '',
    why          TEXT NOT NULL DEFAULT '',
    position     INTEGER NOT NULL,
    hidden       BOOLEAN NOT NULL DEFAULT FALSE,
    edited       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX resume_bullets_person ON resume_bullets (person_id, position);

-- Interview practice: one row per attempt at a question of the bank.
CREATE TABLE practice_answers (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    question    TEXT NOT NULL,
    answered_on TIMESTAMP NOT NULL,
    answer      TEXT NOT NULL,
    rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX practice_answers_person ON practice_answers (person_id, question);

CREATE TABLE practice_evidence (
    answer_id   INTEGER NOT NULL REFERENCES practice_answers (id) ON DELETE CASCADE,
    evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    PRIMARY KEY (answer_id, evidence_id)
);

-- +goose Down
DROP TABLE practice_evidence;
DROP TABLE practice_answers;
DROP TABLE resume_bullets;
DROP TABLE supervisor_talks;
DROP TABLE opportunity_stages;
DROP TABLE opportunities;
