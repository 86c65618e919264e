-- +goose Up
-- The first page of a thread must cost the same for 100 and for 10,000 comments: these indexes
-- follow the two list orders (pinned first, then newest or most supported) for top-level comments,
-- so a page is read from the index instead of sorting the whole thread.
DROP INDEX comments_newest_idx;
DROP INDEX comments_supported_idx;
CREATE INDEX comments_top_newest_idx ON comments (consultation_id, pinned, id) WHERE parent_id IS NULL;
CREATE INDEX comments_top_supported_idx ON comments (consultation_id, pinned, supports, id) WHERE parent_id IS NULL;
CREATE INDEX comments_replies_idx ON comments (parent_id, pinned, id) WHERE parent_id IS NOT NULL;

-- +goose Down
DROP INDEX comments_replies_idx;
DROP INDEX comments_top_supported_idx;
DROP INDEX comments_top_newest_idx;
CREATE INDEX comments_newest_idx ON comments (consultation_id, id);
CREATE INDEX comments_supported_idx ON comments (consultation_id, supports, id);
