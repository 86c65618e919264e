-- +goose Up
-- comments_parent_idx duplicated comments_replies_idx, whose (parent_id, ...) serves every lookup
-- by parent. (PostgreSQL also narrows the moderation queue's index to the comments waiting in it;
-- SQLite would not use that partial index for the queue's OR, so it keeps the full one.)
DROP INDEX comments_parent_idx;

-- +goose Down
CREATE INDEX comments_parent_idx ON comments (parent_id);
