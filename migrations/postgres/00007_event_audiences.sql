-- +goose Up
-- Each event is for one audience of its room (everyone, moderators, "org:<slug>", "user:<id>");
-- the broker sends it only to connections of that audience. Events stored before were public.
ALTER TABLE room_events ADD COLUMN audience TEXT NOT NULL DEFAULT 'everyone' CHECK (audience <> '');

-- +goose Down
ALTER TABLE room_events DROP COLUMN audience;
