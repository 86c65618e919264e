-- +goose Up
-- Files an organisation adds to its needs assessment as evidence; the bytes live in the blob
-- store under storage_key, the row says whose they are.
CREATE TABLE needs_attachments (
    id            BIGSERIAL PRIMARY KEY,
    assessment_id BIGINT NOT NULL REFERENCES needs_assessments (id) ON DELETE CASCADE,
    file_name     TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size          BIGINT NOT NULL CHECK (size >= 0),
    storage_key   TEXT NOT NULL UNIQUE,
    sha256        TEXT NOT NULL,
    uploaded_by   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    uploaded_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX needs_attachments_assessment_idx ON needs_attachments (assessment_id);

-- +goose Down
DROP TABLE needs_attachments;
