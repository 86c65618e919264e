-- +goose Up
-- The needs context. Lists that are only read back (a call's areas, a measure's milestones, a
-- decision's measures) are JSON text; what lists are filtered on has an index table of its own,
-- written with the row from the same values (needs_assessment_areas, needs_assessment_groups,
-- needs_item_areas).
CREATE TABLE needs_calls (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    process_id   INTEGER NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
    district_key TEXT NOT NULL REFERENCES districts (key),
    phase_id     INTEGER REFERENCES phases (id) ON DELETE SET NULL,
    title        TEXT NOT NULL CHECK (title <> ''),
    guidance     TEXT NOT NULL DEFAULT '',
    area_ids     TEXT NOT NULL DEFAULT '[]',
    fields       TEXT NOT NULL DEFAULT '[]',
    deadline     DATETIME NOT NULL,
    audience     TEXT NOT NULL CHECK (audience IN ('providers', 'invited')),
    invited      TEXT NOT NULL DEFAULT '[]',
    created_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at   DATETIME NOT NULL
);
CREATE INDEX needs_calls_process_idx ON needs_calls (process_id, id);
CREATE INDEX needs_calls_deadline_idx ON needs_calls (deadline);

-- An assessment's current content is JSON; the columns beside it are what lists filter and show.
CREATE TABLE needs_assessments (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    call_id      INTEGER NOT NULL REFERENCES needs_calls (id) ON DELETE CASCADE,
    process_id   INTEGER NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
    district_key TEXT NOT NULL REFERENCES districts (key),
    org          TEXT NOT NULL REFERENCES organisations (slug),
    status       TEXT NOT NULL CHECK (status IN ('draft', 'release_requested', 'released', 'submitted', 'withdrawn')),
    version      INTEGER NOT NULL CHECK (version >= 1),
    title        TEXT NOT NULL DEFAULT '',
    field        TEXT NOT NULL DEFAULT '',
    content      TEXT NOT NULL,
    sent_back    TEXT NOT NULL DEFAULT '',
    created_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at   DATETIME NOT NULL,
    updated_at   DATETIME NOT NULL,
    submitted_at DATETIME
);
CREATE INDEX needs_assessments_call_idx ON needs_assessments (call_id, id);
CREATE INDEX needs_assessments_org_idx ON needs_assessments (org, id);
CREATE INDEX needs_assessments_process_idx ON needs_assessments (process_id, id);

CREATE TABLE needs_assessment_areas (
    assessment_id  INTEGER NOT NULL REFERENCES needs_assessments (id) ON DELETE CASCADE,
    social_area_id INTEGER NOT NULL REFERENCES social_areas (id),
    PRIMARY KEY (assessment_id, social_area_id)
);
CREATE INDEX needs_assessment_areas_area_idx ON needs_assessment_areas (social_area_id);

CREATE TABLE needs_assessment_groups (
    assessment_id INTEGER NOT NULL REFERENCES needs_assessments (id) ON DELETE CASCADE,
    target_group  TEXT NOT NULL,
    PRIMARY KEY (assessment_id, target_group)
);
CREATE INDEX needs_assessment_groups_group_idx ON needs_assessment_groups (target_group);

CREATE TABLE needs_assessment_versions (
    assessment_id INTEGER NOT NULL REFERENCES needs_assessments (id) ON DELETE CASCADE,
    version       INTEGER NOT NULL CHECK (version >= 1),
    content       TEXT NOT NULL,
    status        TEXT NOT NULL,
    saved_by      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    saved_at      DATETIME NOT NULL,
    PRIMARY KEY (assessment_id, version)
);

-- The primary key decides that an organisation is invited once.
CREATE TABLE needs_cosignatures (
    assessment_id INTEGER NOT NULL REFERENCES needs_assessments (id) ON DELETE CASCADE,
    org           TEXT NOT NULL REFERENCES organisations (slug),
    status        TEXT NOT NULL CHECK (status IN ('invited', 'prepared', 'cosigned', 'declined')),
    reason        TEXT NOT NULL DEFAULT '',
    invited_at    DATETIME NOT NULL,
    answered_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    answered_at   DATETIME,
    PRIMARY KEY (assessment_id, org)
);
CREATE INDEX needs_cosignatures_org_idx ON needs_cosignatures (org);

-- A review without a recommendation is an assignment.
CREATE TABLE needs_reviews (
    assessment_id  INTEGER NOT NULL REFERENCES needs_assessments (id) ON DELETE CASCADE,
    reviewer_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    recommendation TEXT NOT NULL DEFAULT '' CHECK (recommendation IN ('', 'considered', 'partly', 'not_considered', 'noted')),
    comment        TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    assigned_by    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    updated_at     DATETIME NOT NULL,
    PRIMARY KEY (assessment_id, reviewer_id)
);
CREATE INDEX needs_reviews_reviewer_idx ON needs_reviews (reviewer_id);

CREATE TABLE needs_queries (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    assessment_id INTEGER NOT NULL REFERENCES needs_assessments (id) ON DELETE CASCADE,
    question      TEXT NOT NULL CHECK (question <> ''),
    asked_by      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    asked_at      DATETIME NOT NULL,
    answer        TEXT NOT NULL DEFAULT '',
    answered_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    answered_at   DATETIME
);
CREATE INDEX needs_queries_assessment_idx ON needs_queries (assessment_id, id);

CREATE TABLE needs_bundles (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    process_id INTEGER NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
    title      TEXT NOT NULL CHECK (title <> '')
);
CREATE INDEX needs_bundles_process_idx ON needs_bundles (process_id, id);

-- A row of the weighing table. A decision is its value, reason, measure ids (JSON) and time;
-- working_value NULL: none prepared, published_value NULL: none published. search is the
-- summary and the submitter in lower case (Unicode-aware, written by the store), for LIKE.
CREATE TABLE needs_items (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    process_id         INTEGER NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
    district_key       TEXT NOT NULL REFERENCES districts (key),
    kind               TEXT NOT NULL CHECK (kind IN ('assessment', 'aspect', 'comment')),
    assessment_id      INTEGER REFERENCES needs_assessments (id) ON DELETE CASCADE,
    comment_id         INTEGER REFERENCES comments (id) ON DELETE CASCADE,
    parent_id          INTEGER REFERENCES needs_items (id) ON DELETE CASCADE,
    summary            TEXT NOT NULL DEFAULT '',
    submitter          TEXT NOT NULL DEFAULT '',
    search             TEXT NOT NULL DEFAULT '',
    area_ids           TEXT NOT NULL DEFAULT '[]',
    field              TEXT NOT NULL DEFAULT '',
    bundle_id          INTEGER REFERENCES needs_bundles (id) ON DELETE SET NULL,
    working_value      TEXT CHECK (working_value IN ('considered', 'partly', 'not_considered', 'noted')),
    working_reason     TEXT NOT NULL DEFAULT '',
    working_measures   TEXT NOT NULL DEFAULT '[]',
    working_at         DATETIME,
    published_value    TEXT CHECK (published_value IN ('considered', 'partly', 'not_considered', 'noted')),
    published_reason   TEXT NOT NULL DEFAULT '',
    published_measures TEXT NOT NULL DEFAULT '[]',
    published_at       DATETIME,
    updated_at         DATETIME NOT NULL,
    CHECK ((kind = 'comment') = (comment_id IS NOT NULL)),
    CHECK ((kind = 'comment') OR assessment_id IS NOT NULL)
);
CREATE INDEX needs_items_table_idx ON needs_items (process_id, bundle_id, id);
CREATE UNIQUE INDEX needs_items_assessment_idx ON needs_items (assessment_id) WHERE kind = 'assessment';
CREATE UNIQUE INDEX needs_items_comment_idx ON needs_items (comment_id) WHERE comment_id IS NOT NULL;
CREATE INDEX needs_items_parent_idx ON needs_items (parent_id);

CREATE TABLE needs_item_areas (
    item_id        INTEGER NOT NULL REFERENCES needs_items (id) ON DELETE CASCADE,
    social_area_id INTEGER NOT NULL REFERENCES social_areas (id),
    PRIMARY KEY (item_id, social_area_id)
);
CREATE INDEX needs_item_areas_area_idx ON needs_item_areas (social_area_id);

CREATE TABLE needs_text_modules (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    district_key TEXT NOT NULL REFERENCES districts (key),
    title        TEXT NOT NULL CHECK (title <> ''),
    body         TEXT NOT NULL DEFAULT '',
    created_at   DATETIME NOT NULL
);
CREATE INDEX needs_text_modules_district_idx ON needs_text_modules (district_key, id);

-- A measure of the plan; target is JSON, '' without one.
CREATE TABLE needs_measures (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    process_id   INTEGER NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
    district_key TEXT NOT NULL REFERENCES districts (key),
    title        TEXT NOT NULL CHECK (title <> ''),
    description  TEXT NOT NULL DEFAULT '',
    area_ids     TEXT NOT NULL DEFAULT '[]',
    fields       TEXT NOT NULL DEFAULT '[]',
    responsible  TEXT NOT NULL DEFAULT '',
    budget       INTEGER NOT NULL DEFAULT 0,
    status       TEXT NOT NULL CHECK (status IN ('planned', 'adopted', 'in_progress', 'done', 'discarded')),
    milestones   TEXT NOT NULL DEFAULT '[]',
    target       TEXT NOT NULL DEFAULT '',
    created_at   DATETIME NOT NULL,
    updated_at   DATETIME NOT NULL
);
CREATE INDEX needs_measures_process_idx ON needs_measures (process_id, id);

CREATE TABLE needs_notices (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    org           TEXT NOT NULL REFERENCES organisations (slug) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    assessment_id INTEGER REFERENCES needs_assessments (id) ON DELETE CASCADE,
    process_id    INTEGER REFERENCES processes (id) ON DELETE CASCADE,
    text          TEXT NOT NULL DEFAULT '',
    at            DATETIME NOT NULL
);
CREATE INDEX needs_notices_org_idx ON needs_notices (org, at, id);

-- +goose Down
DROP TABLE needs_notices;
DROP TABLE needs_measures;
DROP TABLE needs_text_modules;
DROP TABLE needs_item_areas;
DROP TABLE needs_items;
DROP TABLE needs_bundles;
DROP TABLE needs_queries;
DROP TABLE needs_reviews;
DROP TABLE needs_cosignatures;
DROP TABLE needs_assessment_versions;
DROP TABLE needs_assessment_groups;
DROP TABLE needs_assessment_areas;
DROP TABLE needs_assessments;
DROP TABLE needs_calls;
