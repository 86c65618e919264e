-- +goose Up
-- Every event of a room (workshop, open consultation) with its per-room sequence number; clients
-- resume from the last sequence they saw, so the table is read by (room, seq) ranges.
CREATE TABLE room_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    room        TEXT NOT NULL CHECK (room <> ''),
    seq         INTEGER NOT NULL CHECK (seq > 0),
    type        TEXT NOT NULL CHECK (type <> ''),
    data        TEXT NOT NULL,
    created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (room, seq)
);

-- One counter row per room, advanced by an upsert inside the appending transaction (which holds
-- SQLite's write lock from BEGIN), so appends to a room get consecutive numbers.
CREATE TABLE room_sequences (
    room      TEXT PRIMARY KEY,
    last_seq  INTEGER NOT NULL CHECK (last_seq >= 0)
);

-- +goose Down
DROP TABLE room_sequences;
DROP TABLE room_events;
