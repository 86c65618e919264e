-- +goose Up
-- Files an organisation adds to its needs assessment as evidence; the bytes live in the blob
-- store under storage_key, the row says whose they are.
CREATE TABLE needs_attachments (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    assessment_id INTEGER NOT NULL REFERENCES needs_assessments (id) ON DELETE CASCADE,
    file_name     TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size          INTEGER NOT NULL CHECK (size >= 0),
    storage_key   TEXT NOT NULL UNIQUE,
    sha256        TEXT NOT NULL,
    uploaded_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    uploaded_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX needs_attachments_assessment_idx ON needs_attachments (assessment_id);

-- +goose Down
DROP TABLE needs_attachments;
