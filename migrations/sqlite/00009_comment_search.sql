-- +goose Up
-- Version 00009 changes the search of PostgreSQL only (a stored tsvector column and its index).
-- SQLite already keeps its full-text index in comments_fts (00005), which the search reads the
-- same way; this file keeps the version numbers of both dialects meaning the same schema step.
SELECT 1;

-- +goose Down
SELECT 1;
