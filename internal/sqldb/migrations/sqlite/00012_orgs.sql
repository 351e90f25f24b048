-- +goose Up
-- Organisations (PRODUCT.md C18): members with roles, manager and mentor
-- relations between members, invitations, programmes and cohorts, and the
-- audit log. A person belongs to at most one organisation: org_members is
-- keyed by person, and persons.org_id mirrors org_members.org_id (both are
-- written in one transaction) so the signed-in person carries it.

-- The 360 anonymity minimums of the organisation (docs/anonymity.md); the
-- defaults are anonymity.DefaultMinimums. Rows older than this migration
-- get a slug from their id.
ALTER TABLE organisations ADD COLUMN slug TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN min_manager INTEGER NOT NULL DEFAULT 1;
ALTER TABLE organisations ADD COLUMN min_peer INTEGER NOT NULL DEFAULT 3;
ALTER TABLE organisations ADD COLUMN min_report INTEGER NOT NULL DEFAULT 3;
ALTER TABLE organisations ADD COLUMN min_stakeholder INTEGER NOT NULL DEFAULT 3;
ALTER TABLE organisations ADD COLUMN min_others INTEGER NOT NULL DEFAULT 4;
ALTER TABLE organisations ADD COLUMN name_manager BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE organisations ADD COLUMN updated_at TIMESTAMP;
UPDATE organisations SET slug = 'org-' || id, updated_at = created_at;
CREATE UNIQUE INDEX organisations_slug ON organisations (slug);

-- A domain belongs to one organisation: single sign-on provisions users
-- and raters are accepted by it, so two owners must not share it.
CREATE TABLE org_domains (
    domain TEXT PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE
);
CREATE INDEX org_domains_org ON org_domains (org_id);

CREATE TABLE org_members (
    person_id  INTEGER PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
    org_id     INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('member', 'programme_admin', 'owner')),
    title      TEXT NOT NULL DEFAULT '',
    manager_id INTEGER REFERENCES persons (id) ON DELETE SET NULL,
    joined_at  TIMESTAMP NOT NULL,
    CHECK (manager_id <> person_id)
);
CREATE INDEX org_members_org ON org_members (org_id, role);
CREATE INDEX org_members_manager ON org_members (manager_id);

CREATE TABLE org_mentorships (
    org_id     INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    mentor_id  INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    mentee_id  INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (mentor_id, mentee_id),
    CHECK (mentor_id <> mentee_id)
);
CREATE INDEX org_mentorships_mentee ON org_mentorships (mentee_id);
CREATE INDEX org_mentorships_org ON org_mentorships (org_id);

-- The link's token is kept only as a hex SHA-256 digest. An invitation is
-- pending while accepted_at and revoked_at are NULL and expires_at is ahead.
CREATE TABLE org_invitations (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    email       TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('member', 'programme_admin', 'owner')),
    token_hash  TEXT NOT NULL UNIQUE,
    invited_by  INTEGER REFERENCES persons (id) ON DELETE SET NULL,
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL,
    accepted_at TIMESTAMP,
    accepted_by INTEGER REFERENCES persons (id) ON DELETE SET NULL,
    revoked_at  TIMESTAMP
);
CREATE INDEX org_invitations_org ON org_invitations (org_id, created_at);
CREATE INDEX org_invitations_email ON org_invitations (email);

-- Dates are days at midnight UTC.
CREATE TABLE org_programmes (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    target_role TEXT NOT NULL,
    start_date  TIMESTAMP NOT NULL,
    end_date    TIMESTAMP NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL,
    UNIQUE (org_id, name)
);

CREATE TABLE org_cohorts (
    id           INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES org_programmes (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    start_date   TIMESTAMP NOT NULL,
    end_date     TIMESTAMP NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    UNIQUE (programme_id, name)
);

CREATE TABLE org_cohort_members (
    cohort_id INTEGER NOT NULL REFERENCES org_cohorts (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    added_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (cohort_id, person_id)
);
CREATE INDEX org_cohort_members_person ON org_cohort_members (person_id);

-- Who did what to whom or what, and when. Names are copied at the time of
-- the entry so the log stays readable after a person is deleted. It never
-- holds feedback answers or anything that identifies a rater.
CREATE TABLE org_audit (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    at           TIMESTAMP NOT NULL,
    actor_id     INTEGER REFERENCES persons (id) ON DELETE SET NULL,
    actor_name   TEXT NOT NULL,
    action       TEXT NOT NULL,
    subject_kind TEXT NOT NULL,
    subject_id   INTEGER NOT NULL DEFAULT 0,
    subject_name TEXT NOT NULL DEFAULT '',
    detail       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX org_audit_org ON org_audit (org_id, at);

-- +goose Down
DROP TABLE org_audit;
DROP TABLE org_cohort_members;
DROP TABLE org_cohorts;
DROP TABLE org_programmes;
DROP TABLE org_invitations;
DROP TABLE org_mentorships;
DROP TABLE org_members;
DROP TABLE org_domains;
DROP INDEX organisations_slug;
ALTER TABLE organisations DROP COLUMN updated_at;
ALTER TABLE organisations DROP COLUMN name_manager;
ALTER TABLE organisations DROP COLUMN min_others;
ALTER TABLE organisations DROP COLUMN min_stakeholder;
ALTER TABLE organisations DROP COLUMN min_report;
ALTER TABLE organisations DROP COLUMN min_peer;
ALTER TABLE organisations DROP COLUMN min_manager;
ALTER TABLE organisations DROP COLUMN slug;
