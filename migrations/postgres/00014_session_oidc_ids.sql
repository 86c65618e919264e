-- +goose Up
-- The provider's session id (sid) and subject (sub) of the login, so that a back-channel logout
-- token of the provider finds the sessions it ends.
ALTER TABLE sessions ADD COLUMN oidc_sid TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN oidc_sub TEXT NOT NULL DEFAULT '';
CREATE INDEX sessions_oidc_sid_idx ON sessions (provider_id, oidc_sid);
CREATE INDEX sessions_oidc_sub_idx ON sessions (provider_id, oidc_sub);

-- +goose Down
DROP INDEX sessions_oidc_sub_idx;
DROP INDEX sessions_oidc_sid_idx;
ALTER TABLE sessions DROP COLUMN oidc_sub;
ALTER TABLE sessions DROP COLUMN oidc_sid;
