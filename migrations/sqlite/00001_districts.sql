-- +goose Up
CREATE TABLE districts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    key         TEXT NOT NULL UNIQUE CHECK (length(key) = 5 AND key NOT GLOB '*[^0-9]*'),
    name        TEXT NOT NULL CHECK (name <> ''),
    kind        TEXT NOT NULL CHECK (kind IN ('landkreis', 'kreisfreie_stadt')),
    population  INTEGER NOT NULL CHECK (population >= 0),
    area_km2    REAL NOT NULL CHECK (area_km2 >= 0),
    boundary    TEXT NOT NULL,
    created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- +goose Down
DROP TABLE districts;
