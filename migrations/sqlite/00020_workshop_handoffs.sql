-- +goose NO TRANSACTION
-- +goose Up
-- A workshop's results reach the weighing table as rows of their own kind, and a hand-off keeps
-- the text it handed on (an offer is accepted later, as it was offered) and, for an offer to an
-- organisation, the call its draft belongs to.
--
-- SQLite cannot change a CHECK, so needs_items is rebuilt as its documentation describes
-- (https://www.sqlite.org/lang_altertable.html#otheralter): foreign keys off, outside a
-- transaction because the pragma is a no-op inside one (hence NO TRANSACTION: goose runs every
-- statement on its one connection), a new table, the rows copied with their ids, the old table
-- dropped (with foreign keys off, needs_item_areas' rows and the aspects' parent links survive),
-- the new one renamed, its indexes made again, the foreign keys checked, all in one transaction.
-- The self-reference (parent_id) names needs_items, which the renamed table is again.
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE needs_items_new (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    process_id         INTEGER NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
    district_key       TEXT NOT NULL REFERENCES districts (key),
    kind               TEXT NOT NULL CHECK (kind IN ('assessment', 'aspect', 'comment', 'workshop')),
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
    CHECK (kind IN ('comment', 'workshop') OR assessment_id IS NOT NULL)
);
INSERT INTO needs_items_new SELECT * FROM needs_items;
DROP TABLE needs_items;
ALTER TABLE needs_items_new RENAME TO needs_items;
CREATE INDEX needs_items_table_idx ON needs_items (process_id, bundle_id, id);
CREATE UNIQUE INDEX needs_items_assessment_idx ON needs_items (assessment_id) WHERE kind = 'assessment';
CREATE UNIQUE INDEX needs_items_comment_idx ON needs_items (comment_id) WHERE comment_id IS NOT NULL;
CREATE INDEX needs_items_parent_idx ON needs_items (parent_id);
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
ALTER TABLE workshop_handoffs ADD COLUMN summary TEXT NOT NULL DEFAULT '';
ALTER TABLE workshop_handoffs ADD COLUMN call_id INTEGER NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE workshop_handoffs DROP COLUMN call_id;
ALTER TABLE workshop_handoffs DROP COLUMN summary;
DELETE FROM needs_items WHERE kind = 'workshop';
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE needs_items_new (
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
INSERT INTO needs_items_new SELECT * FROM needs_items;
DROP TABLE needs_items;
ALTER TABLE needs_items_new RENAME TO needs_items;
CREATE INDEX needs_items_table_idx ON needs_items (process_id, bundle_id, id);
CREATE UNIQUE INDEX needs_items_assessment_idx ON needs_items (assessment_id) WHERE kind = 'assessment';
CREATE UNIQUE INDEX needs_items_comment_idx ON needs_items (comment_id) WHERE comment_id IS NOT NULL;
CREATE INDEX needs_items_parent_idx ON needs_items (parent_id);
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
