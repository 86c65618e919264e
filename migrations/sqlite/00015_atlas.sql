-- +goose Up
-- The social-structure atlas. Indicators are keyed by their stable key, which references cite.
CREATE TABLE atlas_indicators (
    key              TEXT PRIMARY KEY CHECK (length(key) BETWEEN 2 AND 64),
    name_de          TEXT NOT NULL,
    name_en          TEXT NOT NULL,
    definition_de    TEXT NOT NULL DEFAULT '',
    definition_en    TEXT NOT NULL DEFAULT '',
    lebenslage       TEXT NOT NULL,
    unit             TEXT NOT NULL DEFAULT '',
    kind             TEXT NOT NULL CHECK (kind IN ('count', 'share', 'rate', 'mean', 'index')),
    rate_per         REAL NOT NULL DEFAULT 0,
    numerator        TEXT NOT NULL DEFAULT '',
    denominator      TEXT NOT NULL DEFAULT '',
    direction        TEXT NOT NULL CHECK (direction IN ('higher_better', 'higher_worse', 'neutral')),
    source           TEXT NOT NULL DEFAULT '',
    licence          TEXT NOT NULL DEFAULT '',
    reference_date   TEXT NOT NULL DEFAULT '',
    boundary_version TEXT NOT NULL DEFAULT '',
    levels           TEXT NOT NULL DEFAULT 'district',
    min_count        INTEGER NOT NULL DEFAULT 3,
    sensitive        BOOLEAN NOT NULL DEFAULT FALSE,
    plausible_min    REAL,
    plausible_max    REAL,
    district_key     TEXT REFERENCES districts (key) ON DELETE CASCADE,
    created_by       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at       DATETIME NOT NULL
);

-- One figure per indicator, area, year and (optional) date. The primary key serves the map's
-- request (one indicator, one year, one level); the area index serves series and profiles.
-- suppression is set by disclosure control: public reads take only rows where it is ''.
CREATE TABLE atlas_values (
    indicator   TEXT NOT NULL REFERENCES atlas_indicators (key) ON DELETE CASCADE,
    year        INTEGER NOT NULL,
    level       TEXT NOT NULL CHECK (level IN ('land', 'district', 'area')),
    area        TEXT NOT NULL,
    date        TEXT NOT NULL DEFAULT '',
    district    TEXT NOT NULL DEFAULT '',
    value       REAL,
    numerator   REAL,
    denominator REAL,
    flag        TEXT NOT NULL DEFAULT '',
    boundary    TEXT NOT NULL DEFAULT '',
    suppression TEXT NOT NULL DEFAULT '',
    import_id   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (indicator, year, level, area, date)
) WITHOUT ROWID;
CREATE INDEX atlas_values_area_idx ON atlas_values (area, indicator, year);
CREATE INDEX atlas_values_import_idx ON atlas_values (import_id);

-- An area's boundary, versioned: values keep the version they were measured on, and a series
-- whose versions differ is marked as a break. valid_to NULL: current.
CREATE TABLE atlas_boundaries (
    area       TEXT NOT NULL,
    version    TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to   TEXT,
    geometry   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (area, version)
);

-- Imports: the file, its mapping, its problems and progress; the counts of what it changed.
CREATE TABLE atlas_imports (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    district_key TEXT NOT NULL DEFAULT '',
    file_name    TEXT NOT NULL,
    file_hash    TEXT NOT NULL,
    blob_key     TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL,
    mapping      TEXT NOT NULL DEFAULT '',
    summary      TEXT NOT NULL DEFAULT '',
    total        INTEGER NOT NULL DEFAULT 0,
    processed    INTEGER NOT NULL DEFAULT 0,
    added        INTEGER NOT NULL DEFAULT 0,
    changed      INTEGER NOT NULL DEFAULT 0,
    removed      INTEGER NOT NULL DEFAULT 0,
    error        TEXT NOT NULL DEFAULT '',
    created_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at   DATETIME NOT NULL,
    finished_at  DATETIME
);
CREATE INDEX atlas_imports_district_idx ON atlas_imports (district_key, id);

-- The values an import replaced or removed, as they were, so that it can be undone.
CREATE TABLE atlas_value_changes (
    import_id   INTEGER NOT NULL REFERENCES atlas_imports (id) ON DELETE CASCADE,
    indicator   TEXT NOT NULL,
    year        INTEGER NOT NULL,
    level       TEXT NOT NULL,
    area        TEXT NOT NULL,
    date        TEXT NOT NULL DEFAULT '',
    district    TEXT NOT NULL DEFAULT '',
    value       REAL,
    numerator   REAL,
    denominator REAL,
    flag        TEXT NOT NULL DEFAULT '',
    boundary    TEXT NOT NULL DEFAULT '',
    old_import  INTEGER NOT NULL DEFAULT 0,
    change      TEXT NOT NULL CHECK (change IN ('changed', 'removed')),
    PRIMARY KEY (import_id, indicator, year, level, area, date)
);

-- What disclosure control withheld and why (the latest run per value).
CREATE TABLE atlas_suppressions (
    indicator TEXT NOT NULL,
    year      INTEGER NOT NULL,
    area      TEXT NOT NULL,
    date      TEXT NOT NULL DEFAULT '',
    reason    TEXT NOT NULL,
    at        DATETIME NOT NULL,
    PRIMARY KEY (indicator, year, area, date)
);

-- What cites a value (a needs assessment, a measure): the indicator page lists them.
CREATE TABLE atlas_citations (
    ref        TEXT NOT NULL,
    indicator  TEXT NOT NULL,
    kind       TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    title      TEXT NOT NULL DEFAULT '',
    cited_value REAL,
    created_at DATETIME NOT NULL,
    PRIMARY KEY (ref, kind, subject_id)
);
CREATE INDEX atlas_citations_indicator_idx ON atlas_citations (indicator);

-- +goose Down
DROP TABLE atlas_citations;
DROP TABLE atlas_suppressions;
DROP TABLE atlas_value_changes;
DROP TABLE atlas_imports;
DROP TABLE atlas_boundaries;
DROP TABLE atlas_values;
DROP TABLE atlas_indicators;
