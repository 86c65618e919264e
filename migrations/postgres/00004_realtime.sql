-- +goose Up
-- Every event of a room (workshop, open consultation) with its per-room sequence number; clients
-- resume from the last sequence they saw, so the table is read by (room, seq) ranges.
CREATE TABLE room_events (
    id          BIGSERIAL PRIMARY KEY,
    room        TEXT NOT NULL CHECK (room <> ''),
    seq         BIGINT NOT NULL CHECK (seq > 0),
    type        TEXT NOT NULL CHECK (type <> ''),
    data        TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (room, seq)
);

-- One counter row per room; the upsert that advances it row-locks it until the appending
-- transaction ends, so concurrent appends to a room get consecutive numbers and commit in order.
CREATE TABLE room_sequences (
    room      TEXT PRIMARY KEY,
    last_seq  BIGINT NOT NULL CHECK (last_seq >= 0)
);

-- +goose Down
DROP TABLE room_sequences;
DROP TABLE room_events;
