-- +goose Up
-- A workshop's results reach the weighing table as rows of their own kind, and a hand-off keeps
-- the text it handed on (an offer is accepted later, as it was offered) and, for an offer to an
-- organisation, the call its draft belongs to.
ALTER TABLE needs_items DROP CONSTRAINT needs_items_kind_check;
ALTER TABLE needs_items ADD CONSTRAINT needs_items_kind_check CHECK (kind IN ('assessment', 'aspect', 'comment', 'workshop'));
ALTER TABLE needs_items DROP CONSTRAINT needs_items_check1;
ALTER TABLE needs_items ADD CONSTRAINT needs_items_check1 CHECK (kind IN ('comment', 'workshop') OR assessment_id IS NOT NULL);
ALTER TABLE workshop_handoffs ADD COLUMN summary TEXT NOT NULL DEFAULT '';
ALTER TABLE workshop_handoffs ADD COLUMN call_id BIGINT NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE workshop_handoffs DROP COLUMN call_id;
ALTER TABLE workshop_handoffs DROP COLUMN summary;
DELETE FROM needs_items WHERE kind = 'workshop';
ALTER TABLE needs_items DROP CONSTRAINT needs_items_check1;
ALTER TABLE needs_items ADD CONSTRAINT needs_items_check1 CHECK ((kind = 'comment') OR assessment_id IS NOT NULL);
ALTER TABLE needs_items DROP CONSTRAINT needs_items_kind_check;
ALTER TABLE needs_items ADD CONSTRAINT needs_items_kind_check CHECK (kind IN ('assessment', 'aspect', 'comment'));
