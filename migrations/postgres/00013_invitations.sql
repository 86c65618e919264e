-- +goose Up
-- Whether the identity provider vouched for the account's e-mail (the email_verified claim):
-- invitations reach only a verified address, so nobody claims one by typing another's e-mail.
ALTER TABLE users ADD COLUMN email_verified BOOLEAN NOT NULL DEFAULT FALSE;

-- An organisation lead's invitation of whoever holds an e-mail address; nobody is a member
-- before accepting. One pending invitation per organisation and address (inviting again renews
-- it). Accepted, declined and withdrawn invitations are deleted (the audit log keeps them).
CREATE TABLE organisation_invitations (
    id              BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    email           TEXT NOT NULL CHECK (email <> ''),
    role            TEXT NOT NULL CHECK (role IN ('member', 'admin')),
    invited_by      BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (organisation_id, email)
);
CREATE INDEX organisation_invitations_email_idx ON organisation_invitations (email);

-- +goose Down
DROP TABLE organisation_invitations;
ALTER TABLE users DROP COLUMN email_verified;
