-- +goose Up
CREATE TABLE districts (
    id          BIGSERIAL PRIMARY KEY,
    key         VARCHAR(5) NOT NULL UNIQUE CHECK (key ~ '^[0-9]{5}$'),
    name        TEXT NOT NULL CHECK (name <> ''),
    kind        TEXT NOT NULL CHECK (kind IN ('landkreis', 'kreisfreie_stadt')),
    population  BIGINT NOT NULL CHECK (population >= 0),
    area_km2    DOUBLE PRECISION NOT NULL CHECK (area_km2 >= 0),
    boundary    TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE districts;
