-- +goose Up
CREATE TABLE consultations (
    id           BIGSERIAL PRIMARY KEY,
    process_id   BIGINT NOT NULL REFERENCES processes (id),
    district_key VARCHAR(5) NOT NULL REFERENCES districts (key),
    title        TEXT NOT NULL CHECK (title <> ''),
    intro        TEXT NOT NULL DEFAULT '',
    audience     TEXT NOT NULL CHECK (audience IN ('everyone', 'providers', 'invited')),
    invited_orgs TEXT NOT NULL DEFAULT '',
    moderation   TEXT NOT NULL CHECK (moderation IN ('pre', 'post')),
    opens_at     TIMESTAMPTZ NOT NULL,
    closes_at    TIMESTAMPTZ NOT NULL CHECK (closes_at > opens_at),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX consultations_process_idx ON consultations (process_id);

CREATE TABLE consultation_sections (
    id              BIGSERIAL PRIMARY KEY,
    consultation_id BIGINT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    heading         TEXT NOT NULL,
    body            TEXT NOT NULL DEFAULT '',
    UNIQUE (consultation_id, position)
);

CREATE TABLE consultation_areas (
    consultation_id BIGINT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    social_area_id  BIGINT NOT NULL REFERENCES social_areas (id),
    PRIMARY KEY (consultation_id, social_area_id)
);

CREATE TABLE comments (
    id              BIGSERIAL PRIMARY KEY,
    consultation_id BIGINT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    section_id      BIGINT REFERENCES consultation_sections (id) ON DELETE SET NULL,
    parent_id       BIGINT REFERENCES comments (id),
    author_id       BIGINT NOT NULL REFERENCES users (id),
    body            TEXT NOT NULL,
    html            TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected', 'hidden', 'withdrawn')),
    reason          TEXT NOT NULL DEFAULT '',
    pinned          BOOLEAN NOT NULL DEFAULT FALSE,
    supports        INTEGER NOT NULL DEFAULT 0,
    flags           INTEGER NOT NULL DEFAULT 0,
    flags_open      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    edited_at       TIMESTAMPTZ
);
CREATE INDEX comments_newest_idx ON comments (consultation_id, id);
CREATE INDEX comments_supported_idx ON comments (consultation_id, supports, id);
CREATE INDEX comments_parent_idx ON comments (parent_id);
CREATE INDEX comments_queue_idx ON comments (consultation_id, status, flags_open);
CREATE INDEX comments_search_idx ON comments USING GIN (to_tsvector('german', body));

CREATE TABLE comment_supports (
    comment_id BIGINT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (comment_id, user_id)
);

CREATE TABLE comment_flags (
    comment_id BIGINT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    reason     TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (comment_id, user_id)
);

CREATE TABLE responses (
    id         BIGSERIAL PRIMARY KEY,
    comment_id BIGINT NOT NULL UNIQUE REFERENCES comments (id) ON DELETE CASCADE,
    author_id  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    body       TEXT NOT NULL,
    html       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE moderation_decisions (
    id              BIGSERIAL PRIMARY KEY,
    consultation_id BIGINT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    comment_id      BIGINT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    moderator_id    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    action          TEXT NOT NULL,
    reason          TEXT NOT NULL DEFAULT '',
    at              TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX moderation_decisions_consultation_idx ON moderation_decisions (consultation_id, id);

-- +goose Down
DROP TABLE moderation_decisions;
DROP TABLE responses;
DROP TABLE comment_flags;
DROP TABLE comment_supports;
DROP TABLE comments;
DROP TABLE consultation_areas;
DROP TABLE consultation_sections;
DROP TABLE consultations;
