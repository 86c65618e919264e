-- +goose Up
-- The outbox: a use case writes its live events here in the transaction of its change, so the
-- change and its events commit together or not at all. Inserting takes no lock that other
-- writers wait for; the relay (one at a time, by an advisory lock) moves committed rows into
-- room_events in batches and numbers them per room there.
CREATE TABLE outbox (
    id          BIGSERIAL PRIMARY KEY,
    room        TEXT NOT NULL CHECK (room <> ''),
    audience    TEXT NOT NULL DEFAULT 'everyone' CHECK (audience <> ''),
    type        TEXT NOT NULL CHECK (type <> ''),
    data        TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE outbox;
