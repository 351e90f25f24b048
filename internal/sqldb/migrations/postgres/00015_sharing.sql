-- +goose Up
-- What a member shares with their mentors, their manager and the
-- programme admins (PRODUCT.md C18): one row a shared part. No row, no
-- sharing: nothing is shared by default.
CREATE TABLE org_sharing (
    person_id  BIGINT NOT NULL REFERENCES org_members (person_id) ON DELETE CASCADE,
    audience   TEXT NOT NULL CHECK (audience IN ('mentor', 'manager', 'programme_admins')),
    part       TEXT NOT NULL CHECK (part IN ('readiness', 'gaps', 'plan', 'evidence', 'journal')),
    PRIMARY KEY (person_id, audience, part)
);
CREATE INDEX org_sharing_audience ON org_sharing (audience, person_id);

-- When the member last chose, for their settings page.
ALTER TABLE org_members ADD COLUMN sharing_at TIMESTAMPTZ;

-- +goose Down
ALTER TABLE org_members DROP COLUMN sharing_at;
DROP TABLE org_sharing;
