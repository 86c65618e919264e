package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/teilhabe/teilhabe/domain/needs"
)

type needsItemRow struct {
	ID                int64 `gorm:"primaryKey"`
	ProcessID         int64
	DistrictKey       string
	Kind              string
	AssessmentID      *int64
	CommentID         *int64
	ParentID          *int64
	Summary           string
	Submitter         string
	Search            string // lower-case summary and submitter, written here
	AreaIDs           string `gorm:"column:area_ids"` // JSON; needs_item_areas indexes it
	Field             string
	BundleID          *int64
	BundleTitle       string `gorm:"->"` // joined from needs_bundles
	WorkingValue      *string
	WorkingReason     string
	WorkingMeasures   string // JSON
	WorkingAt         *time.Time
	PublishedValue    *string
	PublishedReason   string
	PublishedMeasures string // JSON
	PublishedAt       *time.Time
	UpdatedAt         time.Time
}

func (needsItemRow) TableName() string { return "needs_items" }

type needsItemAreaRow struct {
	ItemID       int64 `gorm:"primaryKey;autoIncrement:false"`
	SocialAreaID int64 `gorm:"primaryKey;autoIncrement:false"`
}

func (needsItemAreaRow) TableName() string { return "needs_item_areas" }

type needsBundleRow struct {
	ID        int64 `gorm:"primaryKey"`
	ProcessID int64
	Title     string
}

func (needsBundleRow) TableName() string { return "needs_bundles" }

// itemOrder is the table order: the items of a bundle together (unbundled ones first), then by id.
const itemOrder = "COALESCE(needs_items.bundle_id, 0), needs_items.id"

// pendingItems selects the items whose working decision differs from the published one, the
// same comparison as needs.Item.Pending (the measure lists are canonical JSON).
const pendingItems = "working_value IS NOT NULL AND (published_value IS NULL OR published_value <> working_value OR " +
	"published_reason <> working_reason OR published_measures <> working_measures)"

func (s *Needs) items(tx *gorm.DB) *gorm.DB {
	return tx.Table("needs_items").Select("needs_items.*, COALESCE(needs_bundles.title, '') AS bundle_title").
		Joins("LEFT JOIN needs_bundles ON needs_bundles.id = needs_items.bundle_id")
}

func itemSearch(summary, submitter string) string {
	return strings.ToLower(summary + "\n" + submitter)
}

// decisionColumns is a decision as its four columns; nil is no decision.
func decisionColumns(d *needs.Decision) (*string, string, string, *time.Time, error) {
	if d == nil {
		return nil, "", "[]", nil, nil
	}
	measures, err := jsonText(d.MeasureIDs)
	v := string(d.Value)
	return &v, d.Reason, measures, optTime(d.At), err
}

func decisionOf(value *string, reason, measures string, at *time.Time) (*needs.Decision, error) {
	if value == nil {
		return nil, nil
	}
	d := &needs.Decision{Value: needs.Weighing(*value), Reason: reason, At: fromOptTime(at), MeasureIDs: []int64{}}
	return d, fromJSON(measures, &d.MeasureIDs)
}

func (r needsItemRow) toDomain() (needs.Item, error) {
	it := needs.Item{ID: r.ID, ProcessID: r.ProcessID, DistrictKey: r.DistrictKey, Kind: needs.ItemKind(r.Kind), AssessmentID: deref(r.AssessmentID),
		CommentID: deref(r.CommentID), ParentID: deref(r.ParentID), Summary: r.Summary, Submitter: r.Submitter, Field: r.Field,
		BundleID: deref(r.BundleID), BundleTitle: r.BundleTitle, UpdatedAt: r.UpdatedAt.UTC(), AreaIDs: []int64{}}
	if err := fromJSON(r.AreaIDs, &it.AreaIDs); err != nil {
		return it, err
	}
	var err error
	if it.Working, err = decisionOf(r.WorkingValue, r.WorkingReason, r.WorkingMeasures, r.WorkingAt); err != nil {
		return it, err
	}
	it.Published, err = decisionOf(r.PublishedValue, r.PublishedReason, r.PublishedMeasures, r.PublishedAt)
	return it, err
}

// InsertItem implements needs.Store: the district is the process's. The unique indexes decide
// that an assessment has one item and a comment is selected once (kernel.ErrConflict); a
// subject, parent, bundle or area that does not exist is needs.ErrInvalid.
func (s *Needs) InsertItem(ctx context.Context, it needs.Item) (needs.Item, error) {
	tx := conn(ctx, s.db)
	key, err := processDistrict(tx, it.ProcessID)
	if err != nil {
		return it, err
	}
	areas := slices.Compact(slices.Sorted(slices.Values(it.AreaIDs)))
	row := needsItemRow{ProcessID: it.ProcessID, DistrictKey: key, Kind: string(it.Kind), AssessmentID: nonZero(it.AssessmentID), CommentID: nonZero(it.CommentID),
		ParentID: nonZero(it.ParentID), Summary: it.Summary, Submitter: it.Submitter, Search: itemSearch(it.Summary, it.Submitter), Field: it.Field,
		BundleID: nonZero(it.BundleID), UpdatedAt: stamp(it.UpdatedAt)}
	if row.AreaIDs, err = jsonText(areas); err != nil {
		return it, err
	}
	if row.WorkingValue, row.WorkingReason, row.WorkingMeasures, row.WorkingAt, err = decisionColumns(it.Working); err != nil {
		return it, err
	}
	if row.PublishedValue, row.PublishedReason, row.PublishedMeasures, row.PublishedAt, err = decisionColumns(it.Published); err != nil {
		return it, err
	}
	if err := tx.Create(&row).Error; err != nil {
		return it, translate(err, needs.ErrInvalid)
	}
	for _, a := range areas {
		if err := tx.Create(&needsItemAreaRow{ItemID: row.ID, SocialAreaID: a}).Error; err != nil {
			return it, translate(err, needs.ErrInvalid)
		}
	}
	return s.Item(ctx, row.ID)
}

// SaveItem implements needs.Store (needs.ErrItemNotFound without the item).
func (s *Needs) SaveItem(ctx context.Context, it needs.Item) error {
	tx := conn(ctx, s.db)
	var submitter []string // the search column needs it, and the item is not rewritten
	if err := tx.Model(&needsItemRow{}).Where("id = ?", it.ID).Pluck("submitter", &submitter).Error; err != nil {
		return err
	}
	if len(submitter) == 0 {
		return needs.ErrItemNotFound
	}
	value, reason, measures, at, err := decisionColumns(it.Working)
	if err != nil {
		return err
	}
	err = tx.Model(&needsItemRow{}).Where("id = ?", it.ID).Updates(map[string]any{"summary": it.Summary, "search": itemSearch(it.Summary, submitter[0]),
		"bundle_id": nonZero(it.BundleID), "working_value": value, "working_reason": reason, "working_measures": measures, "working_at": at,
		"updated_at": stamp(it.UpdatedAt)}).Error
	return translate(err, needs.ErrInvalid)
}

// DeleteItem implements needs.Store; the aspects split from it go with it.
func (s *Needs) DeleteItem(ctx context.Context, id int64) error {
	res := conn(ctx, s.db).Where("id = ?", id).Delete(&needsItemRow{})
	if res.Error == nil && res.RowsAffected == 0 {
		return needs.ErrItemNotFound
	}
	return res.Error
}

// Item implements needs.Store.
func (s *Needs) Item(ctx context.Context, id int64) (needs.Item, error) {
	var r needsItemRow
	if err := s.items(conn(ctx, s.db)).Where("needs_items.id = ?", id).Take(&r).Error; err != nil {
		return needs.Item{}, notFound(err, needs.ErrItemNotFound)
	}
	return r.toDomain()
}

// ItemOf implements needs.Store: the comment's item for needs.ItemComment, else the
// assessment's first item of that kind (an assessment has one item of kind assessment).
func (s *Needs) ItemOf(ctx context.Context, kind needs.ItemKind, subjectID int64) (needs.Item, error) {
	tx := s.items(conn(ctx, s.db))
	if kind == needs.ItemComment {
		tx = tx.Where("needs_items.comment_id = ?", subjectID)
	} else {
		tx = tx.Where("needs_items.kind = ? AND needs_items.assessment_id = ?", string(kind), subjectID)
	}
	var r needsItemRow
	if err := tx.Order("needs_items.id").Take(&r).Error; err != nil {
		return needs.Item{}, notFound(err, needs.ErrItemNotFound)
	}
	return r.toDomain()
}

// Items implements needs.Store. The cursor is "bundle.id" of the page's last item (bundle 0:
// none), the keys of the table order.
func (s *Needs) Items(ctx context.Context, q needs.ItemQuery) ([]needs.Item, string, error) {
	tx := s.items(conn(ctx, s.db)).Where("needs_items.process_id = ?", q.ProcessID)
	value := "needs_items.working_value"
	if q.Published {
		tx, value = tx.Where("needs_items.published_value IS NOT NULL"), "needs_items.published_value"
	}
	if q.Value != "" {
		tx = tx.Where(value+" = ?", string(q.Value))
	}
	if q.AreaID != 0 {
		tx = tx.Where("EXISTS (SELECT 1 FROM needs_item_areas x WHERE x.item_id = needs_items.id AND x.social_area_id = ?)", q.AreaID)
	}
	if q.Field != "" {
		tx = tx.Where("needs_items.field = ?", q.Field)
	}
	if search := strings.TrimSpace(q.Search); search != "" {
		tx = tx.Where("needs_items.search LIKE ? ESCAPE '\\'", "%"+escapeLike(strings.ToLower(search))+"%")
	}
	if q.Cursor != "" {
		bundle, id, ok := parseItemCursor(q.Cursor)
		if !ok {
			return nil, "", fmt.Errorf("%w: the cursor is not one this API gave out", needs.ErrInvalid)
		}
		tx = tx.Where("COALESCE(needs_items.bundle_id, 0) > ? OR (COALESCE(needs_items.bundle_id, 0) = ? AND needs_items.id > ?)", bundle, bundle, id)
	}
	if q.Limit > 0 {
		tx = tx.Limit(q.Limit + 1)
	}
	var rows []needsItemRow
	if err := tx.Order(itemOrder).Find(&rows).Error; err != nil {
		return nil, "", fmt.Errorf("list items: %w", err)
	}
	next := ""
	if q.Limit > 0 && len(rows) > q.Limit {
		rows = rows[:q.Limit]
		last := rows[len(rows)-1]
		next = fmt.Sprintf("%d.%d", deref(last.BundleID), last.ID)
	}
	out, err := domainRows(rows)
	return out, next, err
}

func parseItemCursor(c string) (int64, int64, bool) {
	a, b, ok := strings.Cut(c, ".")
	bundle, err1 := strconv.ParseInt(a, 10, 64)
	id, err2 := strconv.ParseInt(b, 10, 64)
	return bundle, id, ok && err1 == nil && err2 == nil && bundle >= 0 && id > 0
}

// Publish implements needs.Store: one UPDATE … RETURNING copies the differing decisions, so a
// decision prepared meanwhile is either published or left pending, never half; the items come
// back in table order.
func (s *Needs) Publish(ctx context.Context, processID int64, at time.Time) ([]needs.Item, error) {
	tx := conn(ctx, s.db)
	at = stamp(at)
	var published []needsItemRow
	if err := tx.Model(&published).Clauses(clause.Returning{Columns: []clause.Column{{Name: "id"}}}).
		Where("process_id = ? AND "+pendingItems, processID).Updates(map[string]any{"published_value": gorm.Expr("working_value"),
		"published_reason": gorm.Expr("working_reason"), "published_measures": gorm.Expr("working_measures"), "published_at": at, "updated_at": at}).Error; err != nil {
		return nil, fmt.Errorf("publish the weighing: %w", err)
	}
	if len(published) == 0 {
		return []needs.Item{}, nil
	}
	ids := make([]int64, len(published))
	for i, r := range published {
		ids[i] = r.ID
	}
	var rows []needsItemRow
	if err := s.items(tx).Where("needs_items.id IN ?", ids).Order(itemOrder).Find(&rows).Error; err != nil {
		return nil, err
	}
	return domainRows(rows)
}

// ItemsOfMeasure implements needs.Store. The measure lists are JSON arrays of numbers without
// spaces, so ",<id>," in the list with its brackets turned into commas finds the measure.
func (s *Needs) ItemsOfMeasure(ctx context.Context, measureID int64) ([]needs.Item, error) {
	like := fmt.Sprintf("%%,%d,%%", measureID)
	var rows []needsItemRow
	err := s.items(conn(ctx, s.db)).Where("REPLACE(REPLACE(needs_items.working_measures, '[', ','), ']', ',') LIKE ? OR "+
		"REPLACE(REPLACE(needs_items.published_measures, '[', ','), ']', ',') LIKE ?", like, like).Order("needs_items.process_id, " + itemOrder).Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("list items of a measure: %w", err)
	}
	return domainRows(rows)
}

// InsertBundle implements needs.Store; a process that does not exist is needs.ErrInvalid.
func (s *Needs) InsertBundle(ctx context.Context, b needs.Bundle) (needs.Bundle, error) {
	row := needsBundleRow{ProcessID: b.ProcessID, Title: b.Title}
	if err := conn(ctx, s.db).Create(&row).Error; err != nil {
		return b, translate(err, needs.ErrInvalid)
	}
	b.ID = row.ID
	return b, nil
}

// Bundles implements needs.Store, in the order they were made.
func (s *Needs) Bundles(ctx context.Context, processID int64) ([]needs.Bundle, error) {
	var rows []needsBundleRow
	if err := conn(ctx, s.db).Where("process_id = ?", processID).Order("id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list bundles: %w", err)
	}
	out := make([]needs.Bundle, len(rows))
	for i, r := range rows {
		out[i] = needs.Bundle{ID: r.ID, ProcessID: r.ProcessID, Title: r.Title}
	}
	return out, nil
}
