-- +goose Up
-- Raters from outside the organisation (docs/anonymity.md, "Invented
-- raters"): when false, a rater must be a member or have an address in one
-- of the organisation's domains. Organisations that have domains start
-- refusing outsiders; those without any (they could only ask members) keep
-- asking anyone, as before.
ALTER TABLE organisations ADD COLUMN outside_raters BOOLEAN NOT NULL DEFAULT TRUE;
UPDATE organisations SET outside_raters = FALSE WHERE id IN (SELECT org_id FROM org_domains);

-- Rounds a programme admin started for a cohort (docs/organisations.md):
-- who started it and for which cohort, so the member is told and the
-- cohort's admins see the round's progress (counts only). NULL for rounds
-- the person started, or once the admin or the cohort is gone.
ALTER TABLE feedback_rounds ADD COLUMN started_by BIGINT REFERENCES persons (id) ON DELETE SET NULL;
ALTER TABLE feedback_rounds ADD COLUMN cohort_id BIGINT REFERENCES org_cohorts (id) ON DELETE SET NULL;
CREATE INDEX feedback_rounds_cohort ON feedback_rounds (cohort_id);

-- +goose Down
DROP INDEX feedback_rounds_cohort;
ALTER TABLE feedback_rounds DROP COLUMN cohort_id;
ALTER TABLE feedback_rounds DROP COLUMN started_by;
ALTER TABLE organisations DROP COLUMN outside_raters;
