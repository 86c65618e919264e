package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm/clause"

	"github.com/teilhabe/teilhabe/domain/workshop"
)

// InsertParticipant implements workshop.Store. For a logged-in person ON CONFLICT DO NOTHING lets
// the unique index decide between two joins at once; the one that lost reads the row of the one
// that won. A guest's token hash that is taken is kernel.ErrConflict.
func (s *Workshops) InsertParticipant(ctx context.Context, p workshop.Participant) (workshop.Participant, error) {
	tx := conn(ctx, s.db)
	row := workshopParticipantRow{WorkshopID: p.WorkshopID, UserID: nonZero(p.UserID), Name: p.Name, Org: p.Org, JoinedAt: stamp(p.JoinedAt)}
	if p.UserID == 0 {
		row.TokenHash = &p.TokenHash
		if err := tx.Create(&row).Error; err != nil {
			return p, translate(err, workshop.ErrInvalid)
		}
		return row.toDomain(), nil
	}
	res := tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "workshop_id"}, {Name: "user_id"}}, DoNothing: true}).Create(&row)
	if res.Error != nil {
		return p, translate(res.Error, workshop.ErrInvalid)
	}
	if res.RowsAffected == 0 {
		return s.ParticipantByUser(ctx, p.WorkshopID, p.UserID)
	}
	return row.toDomain(), nil
}

// ParticipantByUser implements workshop.Store.
func (s *Workshops) ParticipantByUser(ctx context.Context, workshopID, userID int64) (workshop.Participant, error) {
	var r workshopParticipantRow
	if err := conn(ctx, s.db).Where("workshop_id = ? AND user_id = ?", workshopID, userID).Take(&r).Error; err != nil {
		return workshop.Participant{}, notFound(err, workshop.ErrNotParticipant)
	}
	return r.toDomain(), nil
}

// Participant implements workshop.Store.
func (s *Workshops) Participant(ctx context.Context, id int64) (workshop.Participant, error) {
	var r workshopParticipantRow
	if err := conn(ctx, s.db).Take(&r, id).Error; err != nil {
		return workshop.Participant{}, notFound(err, workshop.ErrNotParticipant)
	}
	return r.toDomain(), nil
}

// ParticipantByToken implements workshop.Store.
func (s *Workshops) ParticipantByToken(ctx context.Context, tokenHash string) (workshop.Participant, error) {
	var r workshopParticipantRow
	if tokenHash == "" {
		return workshop.Participant{}, workshop.ErrNotParticipant
	}
	if err := conn(ctx, s.db).Where("token_hash = ?", tokenHash).Take(&r).Error; err != nil {
		return workshop.Participant{}, notFound(err, workshop.ErrNotParticipant)
	}
	return r.toDomain(), nil
}

// Attendance implements workshop.Store.
func (s *Workshops) Attendance(ctx context.Context, workshopID int64) (workshop.Attendance, error) {
	tx := conn(ctx, s.db)
	var counts struct{ Total, Guests int }
	if err := tx.Model(&workshopParticipantRow{}).Select("COUNT(*) AS total, COALESCE(SUM(CASE WHEN token_hash IS NOT NULL THEN 1 ELSE 0 END), 0) AS guests").
		Where("workshop_id = ?", workshopID).Scan(&counts).Error; err != nil {
		return workshop.Attendance{}, fmt.Errorf("count participants: %w", err)
	}
	var orgs []struct {
		Org string
		N   int
	}
	if err := tx.Model(&workshopParticipantRow{}).Select("org, COUNT(*) AS n").Where("workshop_id = ? AND org <> ''", workshopID).
		Group("org").Scan(&orgs).Error; err != nil {
		return workshop.Attendance{}, fmt.Errorf("count participants by organisation: %w", err)
	}
	a := workshop.Attendance{Total: counts.Total, Guests: counts.Guests, LoggedIn: counts.Total - counts.Guests, ByOrg: map[string]int{}}
	for _, o := range orgs {
		a.ByOrg[o.Org] = o.N
	}
	return a, nil
}

// Discard implements workshop.Store. Votes, answers and dots go with the questions, cards and
// participants they belong to; themes, hand-offs and the workshop row stay. A board's dot-voting
// is closed again along with its module.
func (s *Workshops) Discard(ctx context.Context, workshopID int64) error {
	tx := conn(ctx, s.db)
	modules := tx.Model(&workshopModuleRow{}).Select("id").Where("workshop_id = ?", workshopID)
	for _, del := range []struct {
		model any
		where string
		arg   any
	}{
		{&workshopAnswerRow{}, "module_id IN (?)", modules},
		{&workshopDotRow{}, "module_id IN (?)", modules},
		{&workshopQuestionRow{}, "workshop_id = ?", workshopID},
		{&workshopCardRow{}, "workshop_id = ?", workshopID},
		{&workshopMessageRow{}, "workshop_id = ?", workshopID},
		{&workshopDecisionRow{}, "workshop_id = ?", workshopID},
		{&workshopLogRow{}, "workshop_id = ?", workshopID},
		{&workshopMinutesRow{}, "workshop_id = ?", workshopID},
		{&workshopParticipantRow{}, "workshop_id = ?", workshopID},
	} {
		if err := tx.Where(del.where, del.arg).Delete(del.model).Error; err != nil {
			return fmt.Errorf("discard: %w", err)
		}
	}
	var boards []workshopModuleRow
	if err := tx.Where("workshop_id = ? AND kind = ?", workshopID, string(workshop.KindBoard)).Find(&boards).Error; err != nil {
		return err
	}
	for _, b := range boards {
		m, err := b.toDomain()
		if err != nil {
			return err
		}
		m.Board.Voting, m.Board.Until = false, time.Time{}
		config, err := moduleConfig(m)
		if err != nil {
			return err
		}
		if err := tx.Model(&workshopModuleRow{}).Where("id = ?", b.ID).Update("config", config).Error; err != nil {
			return err
		}
	}
	return tx.Model(&workshopModuleRow{}).Where("workshop_id = ?", workshopID).
		Updates(map[string]any{"state": string(workshop.ModuleReady), "opened_at": nil, "closed_at": nil}).Error
}
