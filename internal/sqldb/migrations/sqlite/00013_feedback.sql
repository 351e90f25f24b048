-- +goose Up
-- 360 feedback (PRODUCT.md C4; the rule is docs/anonymity.md). A round keeps
-- the anonymity minimums it was started with. Days are at midnight UTC.
CREATE TABLE feedback_rounds (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    title           TEXT NOT NULL,
    closes_on       TIMESTAMP NOT NULL,
    min_manager     INTEGER NOT NULL,
    min_peer        INTEGER NOT NULL,
    min_report      INTEGER NOT NULL,
    min_stakeholder INTEGER NOT NULL,
    min_others      INTEGER NOT NULL,
    name_manager    BOOLEAN NOT NULL,
    closed_at       TIMESTAMP,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);
CREATE INDEX feedback_rounds_person ON feedback_rounds (person_id, created_at);

CREATE TABLE feedback_round_competencies (
    round_id   INTEGER NOT NULL REFERENCES feedback_rounds (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    competency TEXT NOT NULL,
    PRIMARY KEY (round_id, position)
);

-- A rater and their link. token_hash is the SHA-256 of the link's secret,
-- which is never stored. answered says only that the rater sent the form:
-- there is no time of answering here, and nothing in the answer tables
-- refers to this row.
CREATE TABLE feedback_raters (
    id         INTEGER PRIMARY KEY,
    round_id   INTEGER NOT NULL REFERENCES feedback_rounds (id) ON DELETE CASCADE,
    category   TEXT NOT NULL,
    email      TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TIMESTAMP NOT NULL,
    revoked    BOOLEAN NOT NULL DEFAULT FALSE,
    answered   BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (round_id, email)
);

-- Answers of an open round, under a random key per rater with only the
-- category: no rater id, no time, no serial. WITHOUT ROWID keeps SQLite from
-- adding a hidden insertion counter; rows are stored in key order, which is
-- random. Deleted when the round closes.
CREATE TABLE feedback_answers (
    round_id   INTEGER NOT NULL REFERENCES feedback_rounds (id) ON DELETE CASCADE,
    rater_key  TEXT NOT NULL,
    competency TEXT NOT NULL,
    category   TEXT NOT NULL,
    level      INTEGER NOT NULL,
    PRIMARY KEY (round_id, rater_key, competency)
) WITHOUT ROWID;

CREATE TABLE feedback_comments (
    round_id   INTEGER NOT NULL REFERENCES feedback_rounds (id) ON DELETE CASCADE,
    rater_key  TEXT NOT NULL,
    competency TEXT NOT NULL,
    category   TEXT NOT NULL,
    body       TEXT NOT NULL,
    PRIMARY KEY (round_id, rater_key, competency)
) WITHOUT ROWID;

-- What a closed round shows: the aggregates the anonymity rule let
-- through, the comments of shown groups in their shown order, the counts
-- per category and the person's self-rating at closing.
CREATE TABLE feedback_shown_cells (
    round_id   INTEGER NOT NULL REFERENCES feedback_rounds (id) ON DELETE CASCADE,
    competency TEXT NOT NULL,
    grp        TEXT NOT NULL,
    raters     INTEGER NOT NULL,
    total      INTEGER NOT NULL,
    PRIMARY KEY (round_id, competency, grp)
);

CREATE TABLE feedback_shown_comments (
    round_id   INTEGER NOT NULL REFERENCES feedback_rounds (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    competency TEXT NOT NULL,
    grp        TEXT NOT NULL,
    body       TEXT NOT NULL,
    PRIMARY KEY (round_id, position)
);

CREATE TABLE feedback_counts (
    round_id INTEGER NOT NULL REFERENCES feedback_rounds (id) ON DELETE CASCADE,
    category TEXT NOT NULL,
    invited  INTEGER NOT NULL,
    answered INTEGER NOT NULL,
    PRIMARY KEY (round_id, category)
);

CREATE TABLE feedback_self (
    round_id   INTEGER NOT NULL REFERENCES feedback_rounds (id) ON DELETE CASCADE,
    competency TEXT NOT NULL,
    level      INTEGER NOT NULL,
    PRIMARY KEY (round_id, competency)
);

-- +goose Down
DROP TABLE feedback_self;
DROP TABLE feedback_counts;
DROP TABLE feedback_shown_comments;
DROP TABLE feedback_shown_cells;
DROP TABLE feedback_comments;
DROP TABLE feedback_answers;
DROP TABLE feedback_raters;
DROP TABLE feedback_round_competencies;
DROP TABLE feedback_rounds;
