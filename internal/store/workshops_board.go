package store

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/domain/workshop"
)

type workshopThemeRow struct {
	ID       int64 `gorm:"primaryKey"`
	ModuleID int64
	Title    string
	Position int
}

func (workshopThemeRow) TableName() string { return "workshop_themes" }

type workshopCardRow struct {
	ID            int64 `gorm:"primaryKey"`
	ModuleID      int64
	WorkshopID    int64
	ParticipantID *int64
	AuthorName    string
	Col           int
	ThemeID       *int64
	Text          string
	State         string
	MergedInto    *int64
	Reason        string
	Position      int
	CreatedAt     time.Time
	Dots          int `gorm:"->"` // summed from workshop_dots
}

func (workshopCardRow) TableName() string { return "workshop_cards" }

type workshopDotRow struct {
	ModuleID      int64
	CardID        int64 `gorm:"primaryKey;autoIncrement:false"`
	ParticipantID int64 `gorm:"primaryKey;autoIncrement:false"`
	Dots          int
}

func (workshopDotRow) TableName() string { return "workshop_dots" }

func (r workshopCardRow) toDomain() (workshop.Card, error) {
	return workshop.Card{ID: r.ID, ModuleID: r.ModuleID, WorkshopID: r.WorkshopID, ParticipantID: deref(r.ParticipantID), AuthorName: r.AuthorName,
		Column: r.Col, ThemeID: deref(r.ThemeID), Text: r.Text, State: workshop.CardState(r.State), MergedInto: deref(r.MergedInto), Reason: r.Reason,
		Dots: r.Dots, Position: r.Position, CreatedAt: r.CreatedAt.UTC()}, nil
}

func (r workshopThemeRow) toDomain() (workshop.Theme, error) {
	return workshop.Theme{ID: r.ID, ModuleID: r.ModuleID, Title: r.Title, Position: r.Position}, nil
}

func cards(tx *gorm.DB) *gorm.DB {
	return tx.Table("workshop_cards").Select("workshop_cards.*, " +
		"COALESCE((SELECT SUM(d.dots) FROM workshop_dots d WHERE d.card_id = workshop_cards.id), 0) AS dots")
}

// InsertCard implements workshop.Store: the workshop is the module's
// (workshop.ErrModuleNotFound without one).
func (s *Workshops) InsertCard(ctx context.Context, c workshop.Card) (workshop.Card, error) {
	tx := conn(ctx, s.db)
	ws, err := moduleWorkshop(tx, c.ModuleID)
	if err != nil {
		return c, err
	}
	row := workshopCardRow{ModuleID: c.ModuleID, WorkshopID: ws, ParticipantID: nonZero(c.ParticipantID), AuthorName: c.AuthorName, Col: c.Column,
		ThemeID: nonZero(c.ThemeID), Text: c.Text, State: string(c.State), MergedInto: nonZero(c.MergedInto), Reason: c.Reason, Position: c.Position,
		CreatedAt: stamp(c.CreatedAt)}
	if err := tx.Create(&row).Error; err != nil {
		return c, translate(err, workshop.ErrInvalid)
	}
	return row.toDomain()
}

// SaveCard implements workshop.Store.
func (s *Workshops) SaveCard(ctx context.Context, c workshop.Card) error {
	return updateOne(conn(ctx, s.db), &workshopCardRow{}, c.ID, map[string]any{"col": c.Column, "theme_id": nonZero(c.ThemeID),
		"state": string(c.State), "merged_into": nonZero(c.MergedInto), "reason": c.Reason, "position": c.Position}, workshop.ErrCardNotFound)
}

// Card implements workshop.Store.
func (s *Workshops) Card(ctx context.Context, id int64) (workshop.Card, error) {
	var r workshopCardRow
	if err := cards(conn(ctx, s.db)).Where("workshop_cards.id = ?", id).Take(&r).Error; err != nil {
		return workshop.Card{}, notFound(err, workshop.ErrCardNotFound)
	}
	return r.toDomain()
}

// Cards implements workshop.Store, by position.
func (s *Workshops) Cards(ctx context.Context, moduleID int64) ([]workshop.Card, error) {
	var rows []workshopCardRow
	if err := cards(conn(ctx, s.db)).Where("workshop_cards.module_id = ?", moduleID).Order("workshop_cards.position, workshop_cards.id").
		Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list cards: %w", err)
	}
	return domainRows(rows)
}

// InsertTheme implements workshop.Store.
func (s *Workshops) InsertTheme(ctx context.Context, t workshop.Theme) (workshop.Theme, error) {
	row := workshopThemeRow{ModuleID: t.ModuleID, Title: t.Title, Position: t.Position}
	if err := conn(ctx, s.db).Create(&row).Error; err != nil {
		return t, translate(err, workshop.ErrInvalid)
	}
	return row.toDomain()
}

// SaveTheme implements workshop.Store: title and position.
func (s *Workshops) SaveTheme(ctx context.Context, t workshop.Theme) error {
	return updateOne(conn(ctx, s.db), &workshopThemeRow{}, t.ID, map[string]any{"title": t.Title, "position": t.Position}, workshop.ErrThemeNotFound)
}

// DeleteTheme implements workshop.Store; its cards are no longer clustered.
func (s *Workshops) DeleteTheme(ctx context.Context, id int64) error {
	return deleteOne(conn(ctx, s.db), &workshopThemeRow{}, id, workshop.ErrThemeNotFound)
}

// Theme implements workshop.Store.
func (s *Workshops) Theme(ctx context.Context, id int64) (workshop.Theme, error) {
	var r workshopThemeRow
	if err := conn(ctx, s.db).Take(&r, id).Error; err != nil {
		return workshop.Theme{}, notFound(err, workshop.ErrThemeNotFound)
	}
	return r.toDomain()
}

// Themes implements workshop.Store, by position.
func (s *Workshops) Themes(ctx context.Context, moduleID int64) ([]workshop.Theme, error) {
	var rows []workshopThemeRow
	if err := conn(ctx, s.db).Where("module_id = ?", moduleID).Order("position, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list themes: %w", err)
	}
	return domainRows(rows)
}

// SetDots implements workshop.Store: the participant's rows of the board are replaced; a card
// that is not on the board is workshop.ErrCardNotFound, and no dots (0 or fewer) mean no row.
func (s *Workshops) SetDots(ctx context.Context, moduleID, participantID int64, dots map[int64]int) error {
	tx := conn(ctx, s.db)
	if err := tx.Where("module_id = ? AND participant_id = ?", moduleID, participantID).Delete(&workshopDotRow{}).Error; err != nil {
		return err
	}
	for _, card := range slices.Sorted(maps.Keys(dots)) {
		if dots[card] <= 0 {
			continue
		}
		res := tx.Exec(`INSERT INTO workshop_dots (module_id, card_id, participant_id, dots)
			SELECT module_id, id, ?, ? FROM workshop_cards WHERE id = ? AND module_id = ?`, participantID, dots[card], card, moduleID)
		if res.Error != nil {
			return translate(res.Error, workshop.ErrInvalid)
		}
		if res.RowsAffected == 0 {
			return workshop.ErrCardNotFound
		}
	}
	return nil
}

// dotSums reads card id → dots of the board's rows that where selects.
func dotSums(tx *gorm.DB, where string, args ...any) (map[int64]int, error) {
	var rows []struct {
		CardID int64
		Dots   int
	}
	if err := tx.Model(&workshopDotRow{}).Select("card_id, SUM(dots) AS dots").Where(where, args...).Group("card_id").Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("count dots: %w", err)
	}
	out := make(map[int64]int, len(rows))
	for _, r := range rows {
		out[r.CardID] = r.Dots
	}
	return out, nil
}

// DotsOf implements workshop.Store.
func (s *Workshops) DotsOf(ctx context.Context, moduleID, participantID int64) (map[int64]int, error) {
	return dotSums(conn(ctx, s.db), "module_id = ? AND participant_id = ?", moduleID, participantID)
}

// DotCounts implements workshop.Store.
func (s *Workshops) DotCounts(ctx context.Context, moduleID int64) (map[int64]int, error) {
	return dotSums(conn(ctx, s.db), "module_id = ?", moduleID)
}

// MoveDots implements workshop.Store: one upsert adds each person's dots on from to theirs on
// into, then from's rows go.
func (s *Workshops) MoveDots(ctx context.Context, from, into int64) error {
	if from == into {
		return nil
	}
	tx := conn(ctx, s.db)
	if err := tx.Exec(`INSERT INTO workshop_dots (module_id, card_id, participant_id, dots)
		SELECT module_id, ?, participant_id, dots FROM workshop_dots WHERE card_id = ?
		ON CONFLICT (card_id, participant_id) DO UPDATE SET dots = workshop_dots.dots + excluded.dots`, into, from).Error; err != nil {
		return translate(err, workshop.ErrInvalid)
	}
	return tx.Where("card_id = ?", from).Delete(&workshopDotRow{}).Error
}
