-- +goose Up
-- data_version grows with every change to a person's data, so computed views
-- (gaps, readiness) can be cached per version in any replica.
ALTER TABLE persons ADD COLUMN data_version BIGINT NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE persons DROP COLUMN data_version;
