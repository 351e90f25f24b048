-- +goose Up
CREATE TABLE mentors (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    role         TEXT NOT NULL DEFAULT '',
    inside       BOOLEAN NOT NULL DEFAULT FALSE,
    background   TEXT NOT NULL DEFAULT '',
    contact      TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL,
    notes        TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX mentors_person ON mentors (person_id);

-- Strengths are competency keys and criteria the keys of the good-mentor
-- criteria the person judges met; both are short sets read with the mentor.
CREATE TABLE mentor_strengths (
    mentor_id  INTEGER NOT NULL REFERENCES mentors (id) ON DELETE CASCADE,
    competency TEXT NOT NULL,
    PRIMARY KEY (mentor_id, competency)
);

CREATE TABLE mentor_criteria (
    mentor_id INTEGER NOT NULL REFERENCES mentors (id) ON DELETE CASCADE,
    criterion TEXT NOT NULL,
    PRIMARY KEY (mentor_id, criterion)
);

CREATE TABLE mentoring_sessions (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    mentor_id    INTEGER NOT NULL REFERENCES mentors (id) ON DELETE CASCADE,
    session_date TIMESTAMP NOT NULL,
    agenda       TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX mentoring_sessions_person ON mentoring_sessions (person_id, session_date);
CREATE INDEX mentoring_sessions_mentor ON mentoring_sessions (mentor_id);

-- An agreed action becomes at most one plan action, and a plan action comes
-- from at most one agreed action; when the plan action goes (a dropped
-- plan, say) the link goes with it and the action may be added again.
CREATE TABLE mentoring_actions (
    id             INTEGER PRIMARY KEY,
    session_id     INTEGER NOT NULL REFERENCES mentoring_sessions (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    text           TEXT NOT NULL,
    competency     TEXT NOT NULL DEFAULT '',
    plan_action_id INTEGER UNIQUE REFERENCES plan_actions (id) ON DELETE SET NULL
);
CREATE INDEX mentoring_actions_session ON mentoring_actions (session_id, position);

CREATE TABLE contacts (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL DEFAULT '',
    where_met    TEXT NOT NULL DEFAULT '',
    how_help     TEXT NOT NULL DEFAULT '',
    reach        TEXT NOT NULL DEFAULT '',
    last_contact TIMESTAMP,
    next_contact TIMESTAMP,
    notes        TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX contacts_person ON contacts (person_id, next_contact);

CREATE TABLE memberships (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    org_key    TEXT NOT NULL DEFAULT '',
    name       TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL,
    since      TIMESTAMP,
    renewal    TIMESTAMP,
    notes      TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
-- One membership per known organisation; organisations of the person's own
-- (org_key empty) may repeat.
CREATE UNIQUE INDEX memberships_person_org ON memberships (person_id, org_key) WHERE org_key <> '';

CREATE TABLE network_events (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    event_date TIMESTAMP NOT NULL,
    location   TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL,
    notes      TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX network_events_person ON network_events (person_id, event_date);

CREATE TABLE network_event_contacts (
    event_id   INTEGER NOT NULL REFERENCES network_events (id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, contact_id)
);

-- +goose Down
DROP TABLE network_event_contacts;
DROP TABLE network_events;
DROP TABLE memberships;
DROP TABLE contacts;
DROP TABLE mentoring_actions;
DROP TABLE mentoring_sessions;
DROP TABLE mentor_criteria;
DROP TABLE mentor_strengths;
DROP TABLE mentors;
