-- +goose Up
-- Every post writes each index of comments, so the ones no query needs go:
-- comments_parent_idx duplicated comments_replies_idx, whose (parent_id, ...) serves every
-- lookup by parent (replies, the foreign key's cascade); and the moderation queue needs only the
-- comments that wait in it (pending, or flagged since the last decision), not every published one.
DROP INDEX comments_parent_idx;
DROP INDEX comments_queue_idx;
CREATE INDEX comments_queue_idx ON comments (consultation_id, id) WHERE status = 'pending' OR flags_open;

-- +goose Down
DROP INDEX comments_queue_idx;
CREATE INDEX comments_queue_idx ON comments (consultation_id, status, flags_open);
CREATE INDEX comments_parent_idx ON comments (parent_id);
