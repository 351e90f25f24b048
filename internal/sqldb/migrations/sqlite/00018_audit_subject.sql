-- +goose Up
-- A member's sharing page lists the views of their data (entries whose
-- subject is the member), and owners filter the log by member: without
-- this index both read every entry of the organisation.
CREATE INDEX org_audit_subject ON org_audit (org_id, subject_kind, subject_id, at);

-- +goose Down
DROP INDEX org_audit_subject;
