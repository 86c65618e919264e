-- +goose Up
-- The workshop context (Werkstatt). A workshop belongs to a process; everything said in it
-- belongs to the workshop and goes with it. Lists that are only read back (areas, a poll's
-- options, a board's columns, an answer's values) are JSON text. Counts that lists sort by
-- (a question's votes) are kept on the row, written in the transaction of the vote that
-- changes them; the vote rows themselves are the truth (one per person, by primary key).
CREATE TABLE workshops (
    id              BIGSERIAL PRIMARY KEY,
    process_id      BIGINT NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
    district_key    VARCHAR(5) NOT NULL REFERENCES districts (key),
    title           TEXT NOT NULL CHECK (title <> ''),
    description     TEXT NOT NULL DEFAULT '',
    starts_at       TIMESTAMPTZ NOT NULL,
    ends_at         TIMESTAMPTZ,
    place           TEXT NOT NULL DEFAULT '',
    online_url      TEXT NOT NULL DEFAULT '',
    area_ids        TEXT NOT NULL DEFAULT '[]',
    guests          BOOLEAN NOT NULL DEFAULT FALSE,
    join_code       TEXT NOT NULL UNIQUE,
    premoderate     BOOLEAN NOT NULL DEFAULT FALSE,
    chat            BOOLEAN NOT NULL DEFAULT FALSE,
    slow_seconds    INTEGER NOT NULL DEFAULT 0 CHECK (slow_seconds >= 0),
    status          TEXT NOT NULL CHECK (status IN ('planned', 'rehearsal', 'live', 'ended')),
    current_item_id BIGINT,
    item_started_at TIMESTAMPTZ,
    projector_kind  TEXT NOT NULL DEFAULT 'join' CHECK (projector_kind IN ('join', 'agenda', 'question', 'module')),
    projector_id    BIGINT NOT NULL DEFAULT 0,
    projector_key   TEXT NOT NULL DEFAULT '',
    created_by      BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX workshops_process_idx ON workshops (process_id, starts_at);

CREATE TABLE workshop_facilitators (
    workshop_id BIGINT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (workshop_id, user_id)
);
CREATE INDEX workshop_facilitators_user_idx ON workshop_facilitators (user_id);

CREATE TABLE workshop_agenda (
    id          BIGSERIAL PRIMARY KEY,
    workshop_id BIGINT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    title       TEXT NOT NULL CHECK (title <> ''),
    minutes     INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
    started_at  TIMESTAMPTZ,
    ended_at    TIMESTAMPTZ
);
CREATE INDEX workshop_agenda_workshop_idx ON workshop_agenda (workshop_id, position);

-- A participant is a logged-in person (user_id) or a guest (token_hash), never both.
CREATE TABLE workshop_participants (
    id          BIGSERIAL PRIMARY KEY,
    workshop_id BIGINT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    user_id     BIGINT REFERENCES users (id) ON DELETE CASCADE,
    token_hash  TEXT,
    name        TEXT NOT NULL CHECK (name <> ''),
    org         TEXT NOT NULL DEFAULT '',
    joined_at   TIMESTAMPTZ NOT NULL,
    CHECK ((user_id IS NULL) <> (token_hash IS NULL))
);
CREATE UNIQUE INDEX workshop_participants_user_idx ON workshop_participants (workshop_id, user_id);
CREATE UNIQUE INDEX workshop_participants_token_idx ON workshop_participants (token_hash);

CREATE TABLE workshop_modules (
    id             BIGSERIAL PRIMARY KEY,
    workshop_id    BIGINT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    agenda_item_id BIGINT REFERENCES workshop_agenda (id) ON DELETE SET NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('questions', 'poll', 'board')),
    title          TEXT NOT NULL DEFAULT '',
    position       INTEGER NOT NULL DEFAULT 0,
    state          TEXT NOT NULL CHECK (state IN ('ready', 'open', 'closed')),
    config         TEXT NOT NULL DEFAULT '{}',
    opened_at      TIMESTAMPTZ,
    closed_at      TIMESTAMPTZ
);
CREATE INDEX workshop_modules_workshop_idx ON workshop_modules (workshop_id, position);

CREATE TABLE workshop_questions (
    id             BIGSERIAL PRIMARY KEY,
    module_id      BIGINT NOT NULL REFERENCES workshop_modules (id) ON DELETE CASCADE,
    workshop_id    BIGINT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    participant_id BIGINT REFERENCES workshop_participants (id) ON DELETE SET NULL,
    author_name    TEXT NOT NULL,
    text           TEXT NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('pending', 'visible', 'answered', 'hidden', 'merged')),
    votes          INTEGER NOT NULL DEFAULT 0 CHECK (votes >= 0),
    answer         TEXT NOT NULL DEFAULT '',
    merged_into    BIGINT REFERENCES workshop_questions (id) ON DELETE SET NULL,
    reason         TEXT NOT NULL DEFAULT '',
    highlighted    BOOLEAN NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX workshop_questions_module_idx ON workshop_questions (module_id, id);

-- One up-vote per person and question; a merge moves the votes of the merged question here,
-- still one per person.
CREATE TABLE workshop_question_votes (
    question_id    BIGINT NOT NULL REFERENCES workshop_questions (id) ON DELETE CASCADE,
    participant_id BIGINT NOT NULL REFERENCES workshop_participants (id) ON DELETE CASCADE,
    PRIMARY KEY (question_id, participant_id)
);

-- One answer per person and poll, replaced until the poll closes.
CREATE TABLE workshop_answers (
    module_id      BIGINT NOT NULL REFERENCES workshop_modules (id) ON DELETE CASCADE,
    participant_id BIGINT NOT NULL REFERENCES workshop_participants (id) ON DELETE CASCADE,
    answer         TEXT NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (module_id, participant_id)
);

CREATE TABLE workshop_themes (
    id        BIGSERIAL PRIMARY KEY,
    module_id BIGINT NOT NULL REFERENCES workshop_modules (id) ON DELETE CASCADE,
    title     TEXT NOT NULL CHECK (title <> ''),
    position  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX workshop_themes_module_idx ON workshop_themes (module_id, position);

CREATE TABLE workshop_cards (
    id             BIGSERIAL PRIMARY KEY,
    module_id      BIGINT NOT NULL REFERENCES workshop_modules (id) ON DELETE CASCADE,
    workshop_id    BIGINT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    participant_id BIGINT REFERENCES workshop_participants (id) ON DELETE SET NULL,
    author_name    TEXT NOT NULL,
    col            INTEGER NOT NULL DEFAULT 0 CHECK (col >= 0),
    theme_id       BIGINT REFERENCES workshop_themes (id) ON DELETE SET NULL,
    text           TEXT NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('visible', 'hidden', 'merged')),
    merged_into    BIGINT REFERENCES workshop_cards (id) ON DELETE SET NULL,
    reason         TEXT NOT NULL DEFAULT '',
    position       INTEGER NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX workshop_cards_module_idx ON workshop_cards (module_id, id);

-- A person's dots on a card; their sum over a board is bounded by the board's budget (checked
-- in the transaction that writes them).
CREATE TABLE workshop_dots (
    module_id      BIGINT NOT NULL REFERENCES workshop_modules (id) ON DELETE CASCADE,
    card_id        BIGINT NOT NULL REFERENCES workshop_cards (id) ON DELETE CASCADE,
    participant_id BIGINT NOT NULL REFERENCES workshop_participants (id) ON DELETE CASCADE,
    dots           INTEGER NOT NULL CHECK (dots > 0),
    PRIMARY KEY (card_id, participant_id)
);
CREATE INDEX workshop_dots_module_idx ON workshop_dots (module_id, participant_id);

CREATE TABLE workshop_messages (
    id             BIGSERIAL PRIMARY KEY,
    workshop_id    BIGINT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    participant_id BIGINT REFERENCES workshop_participants (id) ON DELETE SET NULL,
    author_name    TEXT NOT NULL,
    text           TEXT NOT NULL,
    hidden         BOOLEAN NOT NULL DEFAULT FALSE,
    reason         TEXT NOT NULL DEFAULT '',
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX workshop_messages_workshop_idx ON workshop_messages (workshop_id, id);

CREATE TABLE workshop_decisions (
    id             BIGSERIAL PRIMARY KEY,
    workshop_id    BIGINT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    agenda_item_id BIGINT REFERENCES workshop_agenda (id) ON DELETE SET NULL,
    text           TEXT NOT NULL CHECK (text <> ''),
    created_by     BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX workshop_decisions_workshop_idx ON workshop_decisions (workshop_id, id);

-- The public moderation log: what was hidden or merged and why, never the hidden text.
CREATE TABLE workshop_log (
    id          BIGSERIAL PRIMARY KEY,
    workshop_id BIGINT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    subject     TEXT NOT NULL,
    action      TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX workshop_log_workshop_idx ON workshop_log (workshop_id, id);

CREATE TABLE workshop_minutes (
    workshop_id  BIGINT PRIMARY KEY REFERENCES workshops (id) ON DELETE CASCADE,
    status       TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    text         TEXT NOT NULL,
    version      INTEGER NOT NULL CHECK (version >= 1),
    updated_at   TIMESTAMPTZ NOT NULL,
    published_at TIMESTAMPTZ
);

CREATE TABLE workshop_handoffs (
    id          BIGSERIAL PRIMARY KEY,
    workshop_id BIGINT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    subject     TEXT NOT NULL,
    target      TEXT NOT NULL CHECK (target IN ('comment', 'weighing', 'needs')),
    target_id   BIGINT NOT NULL DEFAULT 0,
    org         TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL CHECK (status IN ('done', 'offered', 'declined')),
    created_by  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX workshop_handoffs_subject_idx ON workshop_handoffs (workshop_id, subject, target, org);

-- +goose Down
DROP TABLE workshop_handoffs;
DROP TABLE workshop_minutes;
DROP TABLE workshop_log;
DROP TABLE workshop_decisions;
DROP TABLE workshop_messages;
DROP TABLE workshop_dots;
DROP TABLE workshop_cards;
DROP TABLE workshop_themes;
DROP TABLE workshop_answers;
DROP TABLE workshop_question_votes;
DROP TABLE workshop_questions;
DROP TABLE workshop_modules;
DROP TABLE workshop_participants;
DROP TABLE workshop_agenda;
DROP TABLE workshop_facilitators;
DROP TABLE workshops;
