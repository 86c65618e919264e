package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/domain/workshop"
)

type workshopModuleRow struct {
	ID           int64 `gorm:"primaryKey"`
	WorkshopID   int64
	AgendaItemID *int64
	Kind         string
	Title        string
	Position     int
	State        string
	Config       string // JSON: pollConfigJSON or boardConfigJSON by kind, {} for questions
	OpenedAt     *time.Time
	ClosedAt     *time.Time
}

func (workshopModuleRow) TableName() string { return "workshop_modules" }

// pollConfigJSON and boardConfigJSON are the stored forms of a module's configuration.
type pollConfigJSON struct {
	Kind        string   `json:"kind"`
	Options     []string `json:"options"`
	MaxChoices  int      `json:"max_choices"`
	ScaleMin    int      `json:"scale_min"`
	ScaleMax    int      `json:"scale_max"`
	Budget      int      `json:"budget"`
	Anonymous   bool     `json:"anonymous"`
	ResultsLive bool     `json:"results_live"`
}

type boardConfigJSON struct {
	Columns []string   `json:"columns"`
	Dots    int        `json:"dots"`
	Voting  bool       `json:"voting"`
	Until   *time.Time `json:"until,omitempty"`
}

type workshopQuestionRow struct {
	ID            int64 `gorm:"primaryKey"`
	ModuleID      int64
	WorkshopID    int64
	ParticipantID *int64
	AuthorName    string
	Text          string
	State         string
	Votes         int
	Answer        string
	MergedInto    *int64
	Reason        string
	Highlighted   bool
	CreatedAt     time.Time
}

func (workshopQuestionRow) TableName() string { return "workshop_questions" }

type workshopVoteRow struct {
	QuestionID    int64 `gorm:"primaryKey;autoIncrement:false"`
	ParticipantID int64 `gorm:"primaryKey;autoIncrement:false"`
}

func (workshopVoteRow) TableName() string { return "workshop_question_votes" }

type workshopAnswerRow struct {
	ModuleID      int64  `gorm:"primaryKey;autoIncrement:false"`
	ParticipantID int64  `gorm:"primaryKey;autoIncrement:false"`
	Answer        string // JSON: answerJSON
	UpdatedAt     time.Time
}

func (workshopAnswerRow) TableName() string { return "workshop_answers" }

type answerJSON struct {
	Values []int    `json:"values"`
	Words  []string `json:"words"`
	Text   string   `json:"text"`
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// moduleConfig is the configuration column of m: its kind's configuration as JSON.
func moduleConfig(m workshop.Module) (string, error) {
	var v any = struct{}{}
	switch m.Kind {
	case workshop.KindPoll:
		p := m.Poll
		v = pollConfigJSON{Kind: string(p.Kind), Options: orEmpty(p.Options), MaxChoices: p.MaxChoices, ScaleMin: p.ScaleMin, ScaleMax: p.ScaleMax,
			Budget: p.Budget, Anonymous: p.Anonymous, ResultsLive: p.ResultsLive}
	case workshop.KindBoard:
		b := m.Board
		v = boardConfigJSON{Columns: orEmpty(b.Columns), Dots: b.Dots, Voting: b.Voting, Until: optTime(b.Until)}
	}
	out, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("%w: %v", workshop.ErrInvalid, err)
	}
	return string(out), nil
}

func moduleToRow(m workshop.Module) (workshopModuleRow, error) {
	r := workshopModuleRow{ID: m.ID, WorkshopID: m.WorkshopID, AgendaItemID: nonZero(m.AgendaItemID), Kind: string(m.Kind), Title: m.Title,
		Position: m.Position, State: string(m.State), OpenedAt: optTime(m.OpenedAt), ClosedAt: optTime(m.ClosedAt)}
	if r.State == "" {
		r.State = string(workshop.ModuleReady)
	}
	var err error
	r.Config, err = moduleConfig(m)
	return r, err
}

func (r workshopModuleRow) toDomain() (workshop.Module, error) {
	m := workshop.Module{ID: r.ID, WorkshopID: r.WorkshopID, AgendaItemID: deref(r.AgendaItemID), Kind: workshop.ModuleKind(r.Kind), Title: r.Title,
		Position: r.Position, State: workshop.ModuleState(r.State), OpenedAt: fromOptTime(r.OpenedAt), ClosedAt: fromOptTime(r.ClosedAt)}
	switch m.Kind {
	case workshop.KindPoll:
		var p pollConfigJSON
		if err := fromJSON(r.Config, &p); err != nil {
			return m, err
		}
		m.Poll = workshop.PollConfig{Kind: workshop.PollKind(p.Kind), Options: orEmpty(p.Options), MaxChoices: p.MaxChoices, ScaleMin: p.ScaleMin,
			ScaleMax: p.ScaleMax, Budget: p.Budget, Anonymous: p.Anonymous, ResultsLive: p.ResultsLive}
	case workshop.KindBoard:
		var b boardConfigJSON
		if err := fromJSON(r.Config, &b); err != nil {
			return m, err
		}
		m.Board = workshop.BoardConfig{Columns: orEmpty(b.Columns), Dots: b.Dots, Voting: b.Voting, Until: fromOptTime(b.Until)}
	}
	return m, nil
}

func (r workshopQuestionRow) toDomain() (workshop.Question, error) {
	return workshop.Question{ID: r.ID, ModuleID: r.ModuleID, WorkshopID: r.WorkshopID, ParticipantID: deref(r.ParticipantID), AuthorName: r.AuthorName,
		Text: r.Text, State: workshop.QuestionState(r.State), Votes: r.Votes, Answer: r.Answer, MergedInto: deref(r.MergedInto), Reason: r.Reason,
		Highlighted: r.Highlighted, CreatedAt: r.CreatedAt.UTC()}, nil
}

func (r workshopAnswerRow) toDomain() (workshop.Answer, error) {
	var a answerJSON
	if err := fromJSON(r.Answer, &a); err != nil {
		return workshop.Answer{}, err
	}
	return workshop.Answer{ModuleID: r.ModuleID, ParticipantID: r.ParticipantID, Values: orEmpty(a.Values), Words: orEmpty(a.Words), Text: a.Text,
		UpdatedAt: r.UpdatedAt.UTC()}, nil
}

// moduleWorkshop is the workshop of a module, which its questions and cards carry.
func moduleWorkshop(tx *gorm.DB, moduleID int64) (int64, error) {
	var ids []int64
	if err := tx.Model(&workshopModuleRow{}).Where("id = ?", moduleID).Pluck("workshop_id", &ids).Error; err != nil {
		return 0, err
	}
	if len(ids) == 0 {
		return 0, workshop.ErrModuleNotFound
	}
	return ids[0], nil
}

// InsertModule implements workshop.Store; a module without a state is ready.
func (s *Workshops) InsertModule(ctx context.Context, m workshop.Module) (workshop.Module, error) {
	row, err := moduleToRow(m)
	if err != nil {
		return m, err
	}
	row.ID = 0
	if err := conn(ctx, s.db).Create(&row).Error; err != nil {
		return m, translate(err, workshop.ErrInvalid)
	}
	return row.toDomain()
}

// SaveModule implements workshop.Store: the item, title, position, state, configuration and
// times; the kind stays.
func (s *Workshops) SaveModule(ctx context.Context, m workshop.Module) error {
	row, err := moduleToRow(m)
	if err != nil {
		return err
	}
	return updateOne(conn(ctx, s.db), &workshopModuleRow{}, m.ID, map[string]any{"agenda_item_id": row.AgendaItemID, "title": row.Title,
		"position": row.Position, "state": row.State, "config": row.Config, "opened_at": row.OpenedAt, "closed_at": row.ClosedAt}, workshop.ErrModuleNotFound)
}

// Module implements workshop.Store.
func (s *Workshops) Module(ctx context.Context, id int64) (workshop.Module, error) {
	var r workshopModuleRow
	if err := conn(ctx, s.db).Take(&r, id).Error; err != nil {
		return workshop.Module{}, notFound(err, workshop.ErrModuleNotFound)
	}
	return r.toDomain()
}

// Modules implements workshop.Store, by position.
func (s *Workshops) Modules(ctx context.Context, workshopID int64) ([]workshop.Module, error) {
	var rows []workshopModuleRow
	if err := conn(ctx, s.db).Where("workshop_id = ?", workshopID).Order("position, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list modules: %w", err)
	}
	return domainRows(rows)
}

// DeleteModule implements workshop.Store; what was contributed in it goes with it.
func (s *Workshops) DeleteModule(ctx context.Context, id int64) error {
	return deleteOne(conn(ctx, s.db), &workshopModuleRow{}, id, workshop.ErrModuleNotFound)
}

// deleteOne deletes the row with the id; missing when there is none.
func deleteOne(tx *gorm.DB, model any, id int64, missing error) error {
	res := tx.Where("id = ?", id).Delete(model)
	if res.Error == nil && res.RowsAffected == 0 {
		return missing
	}
	return res.Error
}
