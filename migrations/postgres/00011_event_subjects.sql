-- +goose Up
-- Each live event names its subject (e.g. comment:42) and how it supersedes the subject's
-- earlier events, so that the stored log, and every replay from it, shows a withdrawn, hidden or
-- edited text as it is now, not as it was.
ALTER TABLE outbox ADD COLUMN subject TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN supersede TEXT NOT NULL DEFAULT 'standalone';
ALTER TABLE room_events ADD COLUMN subject TEXT NOT NULL DEFAULT '';
ALTER TABLE room_events ADD COLUMN supersede TEXT NOT NULL DEFAULT 'standalone';
CREATE INDEX room_events_subject_idx ON room_events (room, subject) WHERE subject <> '';

-- +goose Down
DROP INDEX room_events_subject_idx;
ALTER TABLE room_events DROP COLUMN supersede;
ALTER TABLE room_events DROP COLUMN subject;
ALTER TABLE outbox DROP COLUMN supersede;
ALTER TABLE outbox DROP COLUMN subject;
