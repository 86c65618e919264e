-- +goose Up
CREATE TABLE consultations (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    process_id   INTEGER NOT NULL REFERENCES processes (id),
    district_key TEXT NOT NULL REFERENCES districts (key),
    title        TEXT NOT NULL CHECK (title <> ''),
    intro        TEXT NOT NULL DEFAULT '',
    audience     TEXT NOT NULL CHECK (audience IN ('everyone', 'providers', 'invited')),
    invited_orgs TEXT NOT NULL DEFAULT '',
    moderation   TEXT NOT NULL CHECK (moderation IN ('pre', 'post')),
    opens_at     DATETIME NOT NULL,
    closes_at    DATETIME NOT NULL CHECK (closes_at > opens_at),
    created_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX consultations_process_idx ON consultations (process_id);

CREATE TABLE consultation_sections (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    heading         TEXT NOT NULL,
    body            TEXT NOT NULL DEFAULT '',
    UNIQUE (consultation_id, position)
);

CREATE TABLE consultation_areas (
    consultation_id INTEGER NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    social_area_id  INTEGER NOT NULL REFERENCES social_areas (id),
    PRIMARY KEY (consultation_id, social_area_id)
);

CREATE TABLE comments (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    section_id      INTEGER REFERENCES consultation_sections (id) ON DELETE SET NULL,
    parent_id       INTEGER REFERENCES comments (id),
    author_id       INTEGER NOT NULL REFERENCES users (id),
    body            TEXT NOT NULL,
    html            TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected', 'hidden', 'withdrawn')),
    reason          TEXT NOT NULL DEFAULT '',
    pinned          BOOLEAN NOT NULL DEFAULT FALSE,
    supports        INTEGER NOT NULL DEFAULT 0,
    flags           INTEGER NOT NULL DEFAULT 0,
    flags_open      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at      DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    edited_at       DATETIME
);
CREATE INDEX comments_newest_idx ON comments (consultation_id, id);
CREATE INDEX comments_supported_idx ON comments (consultation_id, supports, id);
CREATE INDEX comments_parent_idx ON comments (parent_id);
CREATE INDEX comments_queue_idx ON comments (consultation_id, status, flags_open);

CREATE TABLE comment_supports (
    comment_id INTEGER NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (comment_id, user_id)
);

CREATE TABLE comment_flags (
    comment_id INTEGER NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    reason     TEXT NOT NULL,
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (comment_id, user_id)
);

CREATE TABLE responses (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    comment_id INTEGER NOT NULL UNIQUE REFERENCES comments (id) ON DELETE CASCADE,
    author_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    body       TEXT NOT NULL,
    html       TEXT NOT NULL,
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE moderation_decisions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    comment_id      INTEGER NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    moderator_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    action          TEXT NOT NULL,
    reason          TEXT NOT NULL DEFAULT '',
    at              DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX moderation_decisions_consultation_idx ON moderation_decisions (consultation_id, id);

-- Full-text search over comments (FTS5, with the comments table as its content); the triggers
-- keep it in step. PostgreSQL uses its german text search configuration instead.
CREATE VIRTUAL TABLE comments_fts USING fts5 (body, content = 'comments', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
-- +goose StatementBegin
CREATE TRIGGER comments_fts_insert AFTER INSERT ON comments BEGIN
    INSERT INTO comments_fts (rowid, body) VALUES (new.id, new.body);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER comments_fts_delete AFTER DELETE ON comments BEGIN
    INSERT INTO comments_fts (comments_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER comments_fts_update AFTER UPDATE OF body ON comments BEGIN
    INSERT INTO comments_fts (comments_fts, rowid, body) VALUES ('delete', old.id, old.body);
    INSERT INTO comments_fts (rowid, body) VALUES (new.id, new.body);
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER comments_fts_update;
DROP TRIGGER comments_fts_delete;
DROP TRIGGER comments_fts_insert;
DROP TABLE comments_fts;
DROP TABLE moderation_decisions;
DROP TABLE responses;
DROP TABLE comment_flags;
DROP TABLE comment_supports;
DROP TABLE comments;
DROP TABLE consultation_areas;
DROP TABLE consultation_sections;
DROP TABLE consultations;
