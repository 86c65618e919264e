-- +goose Up
CREATE TABLE social_areas (
    id           BIGSERIAL PRIMARY KEY,
    district_key VARCHAR(5) NOT NULL REFERENCES districts (key),
    parent_id    BIGINT REFERENCES social_areas (id),
    name         TEXT NOT NULL CHECK (name <> ''),
    level        TEXT NOT NULL CHECK (level IN ('planungsraum', 'sozialraum', 'quartier')),
    code         TEXT NOT NULL DEFAULT '',
    description  TEXT NOT NULL DEFAULT '',
    population   BIGINT CHECK (population >= 0),
    geometry     TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX social_areas_district_idx ON social_areas (district_key);
CREATE INDEX social_areas_parent_idx ON social_areas (parent_id);
CREATE UNIQUE INDEX social_areas_code_idx ON social_areas (district_key, code) WHERE code <> '';

CREATE TABLE processes (
    id           BIGSERIAL PRIMARY KEY,
    district_key VARCHAR(5) NOT NULL REFERENCES districts (key),
    title        TEXT NOT NULL CHECK (title <> ''),
    summary      TEXT NOT NULL DEFAULT '',
    office       TEXT NOT NULL DEFAULT '',
    fields       TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL CHECK (status IN ('draft', 'published', 'concluded', 'archived')),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX processes_district_idx ON processes (district_key, status, id);

CREATE TABLE process_areas (
    process_id     BIGINT NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
    social_area_id BIGINT NOT NULL REFERENCES social_areas (id),
    PRIMARY KEY (process_id, social_area_id)
);
CREATE INDEX process_areas_area_idx ON process_areas (social_area_id);

CREATE TABLE phases (
    id         BIGSERIAL PRIMARY KEY,
    process_id BIGINT NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    title      TEXT NOT NULL DEFAULT '',
    starts_on  DATE NOT NULL,
    ends_on    DATE NOT NULL CHECK (ends_on >= starts_on),
    UNIQUE (process_id, position)
);

CREATE TABLE documents (
    id           BIGSERIAL PRIMARY KEY,
    process_id   BIGINT NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL CHECK (size >= 0),
    storage_key  TEXT NOT NULL UNIQUE,
    sha256       TEXT NOT NULL,
    uploaded_by  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    uploaded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX documents_process_idx ON documents (process_id);

-- +goose Down
DROP TABLE documents;
DROP TABLE phases;
DROP TABLE process_areas;
DROP TABLE processes;
DROP TABLE social_areas;
