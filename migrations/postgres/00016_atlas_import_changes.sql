-- +goose Up
-- An undo asks whether a later import replaced or removed what this one wrote: by old_import.
CREATE INDEX atlas_value_changes_old_import_idx ON atlas_value_changes (old_import);

-- +goose Down
DROP INDEX atlas_value_changes_old_import_idx;
