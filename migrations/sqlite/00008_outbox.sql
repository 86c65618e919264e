-- +goose Up
-- The outbox: a use case writes its live events here in the transaction of its change, so the
-- change and its events commit together or not at all; the relay moves committed rows into
-- room_events in batches and numbers them per room there.
CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    room        TEXT NOT NULL CHECK (room <> ''),
    audience    TEXT NOT NULL DEFAULT 'everyone' CHECK (audience <> ''),
    type        TEXT NOT NULL CHECK (type <> ''),
    data        TEXT NOT NULL,
    created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- +goose Down
DROP TABLE outbox;
