-- +goose Up
-- The first 90 days as a manager (PRODUCT.md C16). Dates are days at
-- midnight UTC; an optional date is NULL when not given.

-- One record per person: becoming a manager anchors the 30/60/90 plan.
CREATE TABLE manager_roles (
    person_id  INTEGER PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
    start_date TIMESTAMP NOT NULL,
    team_name  TEXT NOT NULL,
    team_size  INTEGER NOT NULL,
    title      TEXT NOT NULL,
    situation  TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- The dated steps of the plan; step_key is the template step's key, which
-- a plan made again matches to keep what was done.
CREATE TABLE first90_steps (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    step_key    TEXT NOT NULL,
    phase       TEXT NOT NULL,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    theme       TEXT NOT NULL DEFAULT '',
    emphasised  BOOLEAN NOT NULL DEFAULT FALSE,
    due_date    TIMESTAMP NOT NULL,
    done        BOOLEAN NOT NULL DEFAULT FALSE,
    done_at     TIMESTAMP,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX first90_steps_person ON first90_steps (person_id, due_date);

CREATE TABLE team_members (
    id             INTEGER PRIMARY KEY,
    person_id      INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    role           TEXT NOT NULL DEFAULT '',
    strengths      TEXT NOT NULL DEFAULT '',
    goals          TEXT NOT NULL DEFAULT '',
    concerns       TEXT NOT NULL DEFAULT '',
    notes          TEXT NOT NULL DEFAULT '',
    next_one_to_one TIMESTAMP,
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
CREATE INDEX team_members_person ON team_members (person_id);

CREATE TABLE one_to_ones (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES team_members (id) ON DELETE CASCADE,
    meeting_date TIMESTAMP NOT NULL,
    notes      TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX one_to_ones_member ON one_to_ones (member_id, meeting_date);

CREATE TABLE one_to_one_follow_ups (
    id            INTEGER PRIMARY KEY,
    one_to_one_id INTEGER NOT NULL REFERENCES one_to_ones (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    text          TEXT NOT NULL,
    due_date      TIMESTAMP,
    done          BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX one_to_one_follow_ups_meeting ON one_to_one_follow_ups (one_to_one_id, position);

CREATE TABLE stakeholders (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL DEFAULT '',
    influence    INTEGER NOT NULL CHECK (influence BETWEEN 1 AND 5),
    interest     INTEGER NOT NULL CHECK (interest BETWEEN 1 AND 5),
    needs        TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT '',
    next_contact TIMESTAMP,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX stakeholders_person ON stakeholders (person_id);

-- One row per habit ticked in a week (the Monday). Habit keys are those of
-- internal/firstdays, checked by the service.
CREATE TABLE trust_checks (
    person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    week      TIMESTAMP NOT NULL,
    habit     TEXT NOT NULL,
    PRIMARY KEY (person_id, week, habit)
);

CREATE TABLE delegations (
    id             INTEGER PRIMARY KEY,
    person_id      INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    task           TEXT NOT NULL,
    owner          TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL,
    hours_per_week REAL NOT NULL DEFAULT 0 CHECK (hours_per_week >= 0),
    notes          TEXT NOT NULL DEFAULT '',
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
CREATE INDEX delegations_person ON delegations (person_id);

-- +goose Down
DROP TABLE delegations;
DROP TABLE trust_checks;
DROP TABLE stakeholders;
DROP TABLE one_to_one_follow_ups;
DROP TABLE one_to_ones;
DROP TABLE team_members;
DROP TABLE first90_steps;
DROP TABLE manager_roles;
