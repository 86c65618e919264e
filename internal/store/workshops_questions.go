package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/teilhabe/teilhabe/domain/workshop"
)

// InsertQuestion implements workshop.Store: the workshop is the module's
// (workshop.ErrModuleNotFound without one), and a new question has no votes.
func (s *Workshops) InsertQuestion(ctx context.Context, q workshop.Question) (workshop.Question, error) {
	tx := conn(ctx, s.db)
	ws, err := moduleWorkshop(tx, q.ModuleID)
	if err != nil {
		return q, err
	}
	row := workshopQuestionRow{ModuleID: q.ModuleID, WorkshopID: ws, ParticipantID: nonZero(q.ParticipantID), AuthorName: q.AuthorName, Text: q.Text,
		State: string(q.State), Answer: q.Answer, MergedInto: nonZero(q.MergedInto), Reason: q.Reason, Highlighted: q.Highlighted, CreatedAt: stamp(q.CreatedAt)}
	if err := tx.Create(&row).Error; err != nil {
		return q, translate(err, workshop.ErrInvalid)
	}
	return row.toDomain()
}

// SaveQuestion implements workshop.Store.
func (s *Workshops) SaveQuestion(ctx context.Context, q workshop.Question) error {
	return updateOne(conn(ctx, s.db), &workshopQuestionRow{}, q.ID, map[string]any{"state": string(q.State), "answer": q.Answer,
		"merged_into": nonZero(q.MergedInto), "reason": q.Reason, "highlighted": q.Highlighted}, workshop.ErrQuestionNotFound)
}

// Question implements workshop.Store.
func (s *Workshops) Question(ctx context.Context, id int64) (workshop.Question, error) {
	var r workshopQuestionRow
	if err := conn(ctx, s.db).Take(&r, id).Error; err != nil {
		return workshop.Question{}, notFound(err, workshop.ErrQuestionNotFound)
	}
	return r.toDomain()
}

// Questions implements workshop.Store.
func (s *Workshops) Questions(ctx context.Context, moduleID int64) ([]workshop.Question, error) {
	var rows []workshopQuestionRow
	if err := conn(ctx, s.db).Where("module_id = ?", moduleID).Order("id DESC").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list questions: %w", err)
	}
	return domainRows(rows)
}

// Vote implements workshop.Store. ON CONFLICT DO NOTHING lets the primary key decide between
// concurrent votes of one person without aborting the transaction, and the count is raised
// only by the statement sequence that inserted the row.
func (s *Workshops) Vote(ctx context.Context, questionID, participantID int64) (bool, error) {
	tx := conn(ctx, s.db)
	res := tx.Exec("INSERT INTO workshop_question_votes (question_id, participant_id) VALUES (?, ?) ON CONFLICT DO NOTHING", questionID, participantID)
	if res.Error != nil {
		return false, translate(res.Error, workshop.ErrInvalid)
	}
	if res.RowsAffected == 0 {
		return false, nil
	}
	return true, tx.Exec("UPDATE workshop_questions SET votes = votes + 1 WHERE id = ?", questionID).Error
}

// Unvote implements workshop.Store.
func (s *Workshops) Unvote(ctx context.Context, questionID, participantID int64) (bool, error) {
	tx := conn(ctx, s.db)
	res := tx.Where("question_id = ? AND participant_id = ?", questionID, participantID).Delete(&workshopVoteRow{})
	if res.Error != nil || res.RowsAffected == 0 {
		return false, res.Error
	}
	return true, tx.Exec("UPDATE workshop_questions SET votes = votes - 1 WHERE id = ? AND votes > 0", questionID).Error
}

// MoveVotes implements workshop.Store. Both questions are locked first (on PostgreSQL; SQLite's
// transactions hold the whole database), so that no vote comes or goes between the move and
// the recount: a vote's foreign key check waits for the lock.
func (s *Workshops) MoveVotes(ctx context.Context, from, into int64) error {
	if from == into {
		return nil
	}
	tx := conn(ctx, s.db)
	var locked []int64
	if err := tx.Model(&workshopQuestionRow{}).Clauses(clause.Locking{Strength: "UPDATE"}).Where("id IN ?", []int64{from, into}).
		Order("id").Pluck("id", &locked).Error; err != nil {
		return err
	}
	if len(locked) < 2 {
		return workshop.ErrQuestionNotFound
	}
	if err := tx.Exec(`UPDATE workshop_question_votes SET question_id = ? WHERE question_id = ? AND participant_id NOT IN
		(SELECT v.participant_id FROM workshop_question_votes v WHERE v.question_id = ?)`, into, from, into).Error; err != nil {
		return err
	}
	if err := tx.Where("question_id = ?", from).Delete(&workshopVoteRow{}).Error; err != nil {
		return err
	}
	return tx.Exec(`UPDATE workshop_questions SET votes = (SELECT COUNT(*) FROM workshop_question_votes v WHERE v.question_id = workshop_questions.id)
		WHERE id IN ?`, []int64{from, into}).Error
}

// VotedBy implements workshop.Store.
func (s *Workshops) VotedBy(ctx context.Context, moduleID, participantID int64) ([]int64, error) {
	ids := []int64{}
	err := conn(ctx, s.db).Model(&workshopVoteRow{}).Joins("JOIN workshop_questions q ON q.id = workshop_question_votes.question_id").
		Where("q.module_id = ? AND workshop_question_votes.participant_id = ?", moduleID, participantID).
		Order("workshop_question_votes.question_id").Pluck("workshop_question_votes.question_id", &ids).Error
	return ids, err
}

// VoteCounts implements workshop.Store: every question of the module, from the count on its row.
func (s *Workshops) VoteCounts(ctx context.Context, moduleID int64) (map[int64]int, error) {
	var rows []struct {
		ID    int64
		Votes int
	}
	if err := conn(ctx, s.db).Model(&workshopQuestionRow{}).Select("id, votes").Where("module_id = ?", moduleID).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("count votes: %w", err)
	}
	out := make(map[int64]int, len(rows))
	for _, r := range rows {
		out[r.ID] = r.Votes
	}
	return out, nil
}

// SaveAnswer implements workshop.Store: one upsert on the primary key, one statement (without
// gorm's own transaction around it: a vote storm is thousands of these).
func (s *Workshops) SaveAnswer(ctx context.Context, a workshop.Answer) error {
	b, err := json.Marshal(answerJSON{Values: orEmpty(a.Values), Words: orEmpty(a.Words), Text: a.Text})
	if err != nil {
		return fmt.Errorf("%w: %v", workshop.ErrInvalid, err)
	}
	row := workshopAnswerRow{ModuleID: a.ModuleID, ParticipantID: a.ParticipantID, Answer: string(b), UpdatedAt: stamp(a.UpdatedAt)}
	err = conn(ctx, s.db).Session(&gorm.Session{SkipDefaultTransaction: true}).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "module_id"}, {Name: "participant_id"}},
		DoUpdates: clause.AssignmentColumns([]string{"answer", "updated_at"})}).Create(&row).Error
	return translate(err, workshop.ErrInvalid)
}

// AnswerOf implements workshop.Store.
func (s *Workshops) AnswerOf(ctx context.Context, moduleID, participantID int64) (workshop.Answer, bool, error) {
	var rows []workshopAnswerRow
	if err := conn(ctx, s.db).Where("module_id = ? AND participant_id = ?", moduleID, participantID).Find(&rows).Error; err != nil || len(rows) == 0 {
		return workshop.Answer{}, false, err
	}
	a, err := rows[0].toDomain()
	return a, err == nil, err
}

// Answers implements workshop.Store, by participant.
func (s *Workshops) Answers(ctx context.Context, moduleID int64) ([]workshop.Answer, error) {
	var rows []workshopAnswerRow
	if err := conn(ctx, s.db).Where("module_id = ?", moduleID).Order("participant_id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list answers: %w", err)
	}
	return domainRows(rows)
}

// AnswerGroups implements workshop.Store: one row per distinct answer (its stored JSON).
func (s *Workshops) AnswerGroups(ctx context.Context, moduleID int64) ([]workshop.AnswerGroup, error) {
	var rows []struct {
		Answer string
		N      int
	}
	if err := conn(ctx, s.db).Model(&workshopAnswerRow{}).Select("answer, COUNT(*) AS n").Where("module_id = ?", moduleID).
		Group("answer").Order("answer").Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("count answers: %w", err)
	}
	out := make([]workshop.AnswerGroup, len(rows))
	for i, r := range rows {
		a, err := workshopAnswerRow{ModuleID: moduleID, Answer: r.Answer}.toDomain()
		if err != nil {
			return nil, err
		}
		out[i] = workshop.AnswerGroup{Answer: a, N: r.N}
	}
	return out, nil
}

// Ballot implements workshop.Store: the module with its workshop's status and the participant
// row, in one statement.
func (s *Workshops) Ballot(ctx context.Context, moduleID, userID int64, tokenHash string) (workshop.Ballot, error) {
	var r struct {
		Module         workshopModuleRow `gorm:"embedded"`
		WorkshopStatus string
		PID            *int64     `gorm:"column:p_id"`
		PUserID        *int64     `gorm:"column:p_user_id"`
		PTokenHash     *string    `gorm:"column:p_token_hash"`
		PName          string     `gorm:"column:p_name"`
		POrg           string     `gorm:"column:p_org"`
		PJoinedAt      *time.Time `gorm:"column:p_joined_at"`
	}
	who, arg := "p.user_id = ?", any(userID)
	if userID == 0 {
		who, arg = "p.token_hash = ?", tokenHash
	}
	err := conn(ctx, s.db).Raw(`SELECT m.*, w.status AS workshop_status, p.id AS p_id, p.user_id AS p_user_id, p.token_hash AS p_token_hash,
			p.name AS p_name, p.org AS p_org, p.joined_at AS p_joined_at
		FROM workshop_modules m JOIN workshops w ON w.id = m.workshop_id
		LEFT JOIN workshop_participants p ON p.workshop_id = m.workshop_id AND `+who+`
		WHERE m.id = ?`, arg, moduleID).Scan(&r).Error
	if err != nil {
		return workshop.Ballot{}, fmt.Errorf("read ballot: %w", err)
	}
	if r.Module.ID == 0 {
		return workshop.Ballot{}, workshop.ErrModuleNotFound
	}
	m, err := r.Module.toDomain()
	if err != nil {
		return workshop.Ballot{}, err
	}
	b := workshop.Ballot{Module: m, Status: workshop.Status(r.WorkshopStatus), Joined: r.PID != nil}
	if b.Joined && (userID != 0 || tokenHash != "") {
		b.Participant = workshopParticipantRow{ID: *r.PID, WorkshopID: m.WorkshopID, UserID: r.PUserID, TokenHash: r.PTokenHash,
			Name: r.PName, Org: r.POrg, JoinedAt: deref(r.PJoinedAt)}.toDomain()
	} else {
		b.Joined = false
	}
	return b, nil
}

// CountAnswers implements workshop.Store.
func (s *Workshops) CountAnswers(ctx context.Context, moduleID int64) (int, error) {
	var n int64
	err := conn(ctx, s.db).Model(&workshopAnswerRow{}).Where("module_id = ?", moduleID).Count(&n).Error
	return int(n), err
}
