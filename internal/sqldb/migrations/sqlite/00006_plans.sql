-- +goose Up
-- A person has one current plan; regenerating it rewrites it in place.
CREATE TABLE plans (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL UNIQUE REFERENCES persons (id) ON DELETE CASCADE,
    target_role     TEXT NOT NULL,
    horizon_start   TIMESTAMP NOT NULL,
    horizon_end     TIMESTAMP NOT NULL,
    hours_per_month INTEGER NOT NULL DEFAULT 0,
    generated_at    TIMESTAMP NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);

CREATE TABLE plan_goals (
    id           INTEGER PRIMARY KEY,
    plan_id      INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    competency   TEXT NOT NULL,
    specific     TEXT NOT NULL,
    measure      TEXT NOT NULL,
    why          TEXT NOT NULL,
    achievable   TEXT NOT NULL,
    target_level INTEGER NOT NULL,
    target_date  TIMESTAMP NOT NULL,
    done         BOOLEAN NOT NULL DEFAULT FALSE,
    edited       BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX plan_goals_plan ON plan_goals (plan_id, position);

-- Competencies and prerequisites are only ever read with their action, so
-- they are comma-separated keys rather than rows.
CREATE TABLE plan_actions (
    id           INTEGER PRIMARY KEY,
    goal_id      INTEGER NOT NULL REFERENCES plan_goals (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    catalog_key  TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL,
    kind         TEXT NOT NULL,
    category     TEXT NOT NULL DEFAULT '',
    competencies TEXT NOT NULL DEFAULT '',
    effort_hours INTEGER NOT NULL,
    done_when    TEXT NOT NULL,
    start_date   TIMESTAMP,
    due_date     TIMESTAMP NOT NULL,
    why          TEXT NOT NULL DEFAULT '',
    after_keys   TEXT NOT NULL DEFAULT '',
    done         BOOLEAN NOT NULL DEFAULT FALSE,
    edited       BOOLEAN NOT NULL DEFAULT FALSE,
    dropped      BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX plan_actions_goal ON plan_actions (goal_id, position);

-- +goose Down
DROP TABLE plan_actions;
DROP TABLE plan_goals;
DROP TABLE plans;
