-- +goose Up
-- One row per Idempotency-Key a person sent to a creating POST. The first request inserts it with
-- status 0; the primary key decides which of two concurrent requests runs. On success the answer
-- is stored so that a retry gets the same bytes; a failed first attempt deletes its row again.
CREATE TABLE idempotency_keys (
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key           TEXT NOT NULL CHECK (key <> ''),
    method        TEXT NOT NULL,
    path          TEXT NOT NULL,
    body_hash     TEXT NOT NULL,
    status        INTEGER NOT NULL DEFAULT 0 CHECK (status = 0 OR status BETWEEN 200 AND 299),
    content_type  TEXT NOT NULL DEFAULT '',
    location      TEXT NOT NULL DEFAULT '',
    body          BLOB,
    created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (user_id, key)
);
-- The sweep deletes by age.
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- +goose Down
DROP TABLE idempotency_keys;
