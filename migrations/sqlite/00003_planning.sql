-- +goose Up
CREATE TABLE social_areas (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    district_key TEXT NOT NULL REFERENCES districts (key),
    parent_id    INTEGER REFERENCES social_areas (id),
    name         TEXT NOT NULL CHECK (name <> ''),
    level        TEXT NOT NULL CHECK (level IN ('planungsraum', 'sozialraum', 'quartier')),
    code         TEXT NOT NULL DEFAULT '',
    description  TEXT NOT NULL DEFAULT '',
    population   INTEGER CHECK (population >= 0),
    geometry     TEXT NOT NULL,
    created_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX social_areas_district_idx ON social_areas (district_key);
CREATE INDEX social_areas_parent_idx ON social_areas (parent_id);
CREATE UNIQUE INDEX social_areas_code_idx ON social_areas (district_key, code) WHERE code <> '';

CREATE TABLE processes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    district_key TEXT NOT NULL REFERENCES districts (key),
    title        TEXT NOT NULL CHECK (title <> ''),
    summary      TEXT NOT NULL DEFAULT '',
    office       TEXT NOT NULL DEFAULT '',
    fields       TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL CHECK (status IN ('draft', 'published', 'concluded', 'archived')),
    created_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX processes_district_idx ON processes (district_key, status, id);

CREATE TABLE process_areas (
    process_id     INTEGER NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
    social_area_id INTEGER NOT NULL REFERENCES social_areas (id),
    PRIMARY KEY (process_id, social_area_id)
);
CREATE INDEX process_areas_area_idx ON process_areas (social_area_id);

CREATE TABLE phases (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    process_id INTEGER NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    title      TEXT NOT NULL DEFAULT '',
    starts_on  DATE NOT NULL,
    ends_on    DATE NOT NULL CHECK (ends_on >= starts_on),
    UNIQUE (process_id, position)
);

CREATE TABLE documents (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    process_id   INTEGER NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL CHECK (size >= 0),
    storage_key  TEXT NOT NULL UNIQUE,
    sha256       TEXT NOT NULL,
    uploaded_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    uploaded_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX documents_process_idx ON documents (process_id);

-- +goose Down
DROP TABLE documents;
DROP TABLE phases;
DROP TABLE process_areas;
DROP TABLE processes;
DROP TABLE social_areas;
