package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/teilhabe/teilhabe/domain/workshop"
)

// Workshops is the gorm implementation of workshop.Store. Lists that are only read back (areas,
// a module's configuration, an answer) are JSON text; counts that lists sort by (a question's
// votes) are kept on the row by the same statements that write the vote rows.
type Workshops struct {
	db *gorm.DB
}

// NewWorkshops returns the workshop store.
func NewWorkshops(db *DB) *Workshops { return &Workshops{db: db.Gorm} }

var _ workshop.Store = (*Workshops)(nil)

type workshopRow struct {
	ID            int64 `gorm:"primaryKey"`
	ProcessID     int64
	DistrictKey   string
	Title         string
	Description   string
	StartsAt      time.Time
	EndsAt        *time.Time
	Place         string
	OnlineURL     string `gorm:"column:online_url"`
	AreaIDs       string `gorm:"column:area_ids"` // JSON
	Guests        bool
	JoinCode      string
	Premoderate   bool
	Chat          bool
	SlowSeconds   int
	Status        string
	CurrentItemID *int64
	ItemStartedAt *time.Time
	ProjectorKind string
	ProjectorID   int64
	ProjectorKey  string // the hash of the projector key
	CreatedBy     *int64
	CreatedAt     time.Time
}

func (workshopRow) TableName() string { return "workshops" }

type workshopFacilitatorRow struct {
	WorkshopID int64 `gorm:"primaryKey;autoIncrement:false"`
	UserID     int64 `gorm:"primaryKey;autoIncrement:false"`
}

func (workshopFacilitatorRow) TableName() string { return "workshop_facilitators" }

type workshopAgendaRow struct {
	ID         int64 `gorm:"primaryKey"`
	WorkshopID int64
	Position   int
	Title      string
	Minutes    int
	StartedAt  *time.Time
	EndedAt    *time.Time
}

func (workshopAgendaRow) TableName() string { return "workshop_agenda" }

type workshopParticipantRow struct {
	ID         int64 `gorm:"primaryKey"`
	WorkshopID int64
	UserID     *int64
	TokenHash  *string
	Name       string
	Org        string
	JoinedAt   time.Time
}

func (workshopParticipantRow) TableName() string { return "workshop_participants" }

func workshopToRow(w workshop.Workshop) (workshopRow, error) {
	kind := string(w.Projector.Kind)
	if kind == "" {
		kind = string(workshop.ShowJoin)
	}
	r := workshopRow{ID: w.ID, ProcessID: w.ProcessID, DistrictKey: w.DistrictKey, Title: w.Title, Description: w.Description,
		StartsAt: stamp(w.StartsAt), EndsAt: optTime(w.EndsAt), Place: w.Place, OnlineURL: w.OnlineURL, Guests: w.Guests, JoinCode: w.JoinCode,
		Premoderate: w.Premoderate, Chat: w.Chat, SlowSeconds: w.SlowSeconds, Status: string(w.Status), CurrentItemID: nonZero(w.CurrentItemID),
		ItemStartedAt: optTime(w.ItemStartedAt), ProjectorKind: kind, ProjectorID: w.Projector.ID, ProjectorKey: w.ProjectorKeyHash,
		CreatedBy: nonZero(w.CreatedBy), CreatedAt: stamp(w.CreatedAt)}
	var err error
	r.AreaIDs, err = jsonText(w.AreaIDs)
	return r, err
}

func (r workshopRow) toDomain() (workshop.Workshop, error) {
	w := workshop.Workshop{ID: r.ID, ProcessID: r.ProcessID, DistrictKey: r.DistrictKey, Title: r.Title, Description: r.Description,
		StartsAt: r.StartsAt.UTC(), EndsAt: fromOptTime(r.EndsAt), Place: r.Place, OnlineURL: r.OnlineURL, Guests: r.Guests, JoinCode: r.JoinCode,
		Premoderate: r.Premoderate, Chat: r.Chat, SlowSeconds: r.SlowSeconds, Status: workshop.Status(r.Status), CurrentItemID: deref(r.CurrentItemID),
		ItemStartedAt: fromOptTime(r.ItemStartedAt), Projector: workshop.Projection{Kind: workshop.ProjectionKind(r.ProjectorKind), ID: r.ProjectorID},
		ProjectorKeyHash: r.ProjectorKey, CreatedBy: deref(r.CreatedBy), CreatedAt: r.CreatedAt.UTC(),
		AreaIDs: []int64{}, Facilitators: []int64{}, Agenda: []workshop.AgendaItem{}}
	return w, fromJSON(r.AreaIDs, &w.AreaIDs)
}

func (r workshopAgendaRow) toDomain() workshop.AgendaItem {
	return workshop.AgendaItem{ID: r.ID, Position: r.Position, Title: r.Title, Minutes: r.Minutes, StartedAt: fromOptTime(r.StartedAt), EndedAt: fromOptTime(r.EndedAt)}
}

func (r workshopParticipantRow) toDomain() workshop.Participant {
	return workshop.Participant{ID: r.ID, WorkshopID: r.WorkshopID, UserID: deref(r.UserID), Name: r.Name, Org: r.Org, TokenHash: deref(r.TokenHash), JoinedAt: r.JoinedAt.UTC()}
}

// wsInvalid is the error for a reference to something that does not exist.
func wsInvalid() error {
	return fmt.Errorf("%w: it refers to something that does not exist", workshop.ErrInvalid)
}

// writeFacilitators replaces the workshop's co-facilitators.
func writeFacilitators(tx *gorm.DB, workshopID int64, users []int64) error {
	if err := tx.Where("workshop_id = ?", workshopID).Delete(&workshopFacilitatorRow{}).Error; err != nil {
		return err
	}
	for _, u := range slices.Compact(slices.Sorted(slices.Values(users))) {
		if err := tx.Create(&workshopFacilitatorRow{WorkshopID: workshopID, UserID: u}).Error; err != nil {
			return translate(err, workshop.ErrInvalid)
		}
	}
	return nil
}

// InsertWorkshop implements workshop.Store: the district is the process's
// (planning.ErrProcessNotFound without one). ON CONFLICT DO NOTHING decides a taken join code
// without aborting the transaction, so the caller can draw another code in it.
func (s *Workshops) InsertWorkshop(ctx context.Context, w workshop.Workshop) (workshop.Workshop, error) {
	tx := conn(ctx, s.db)
	key, err := processDistrict(tx, w.ProcessID)
	if err != nil {
		return w, err
	}
	w.DistrictKey = key
	row, err := workshopToRow(w)
	if err != nil {
		return w, err
	}
	row.ID = 0
	res := tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "join_code"}}, DoNothing: true}).Create(&row)
	if res.Error != nil {
		return w, translateAs(res.Error, workshop.ErrWorkshopState, wsInvalid())
	}
	if res.RowsAffected == 0 {
		return w, workshop.ErrWorkshopState
	}
	if err := writeFacilitators(tx, row.ID, w.Facilitators); err != nil {
		return w, err
	}
	if _, err := s.SaveAgenda(ctx, row.ID, w.Agenda); err != nil {
		return w, err
	}
	return s.Workshop(ctx, row.ID)
}

// SaveWorkshop implements workshop.Store (workshop.ErrNotFound without the workshop; a join code
// another workshop has is workshop.ErrWorkshopState).
func (s *Workshops) SaveWorkshop(ctx context.Context, w workshop.Workshop) error {
	tx := conn(ctx, s.db)
	row, err := workshopToRow(w)
	if err != nil {
		return err
	}
	res := tx.Model(&workshopRow{}).Where("id = ?", w.ID).Updates(map[string]any{"title": row.Title, "description": row.Description,
		"starts_at": row.StartsAt, "ends_at": row.EndsAt, "place": row.Place, "online_url": row.OnlineURL, "area_ids": row.AreaIDs,
		"guests": row.Guests, "join_code": row.JoinCode, "premoderate": row.Premoderate, "chat": row.Chat, "slow_seconds": row.SlowSeconds,
		"status": row.Status, "current_item_id": row.CurrentItemID, "item_started_at": row.ItemStartedAt, "projector_kind": row.ProjectorKind,
		"projector_id": row.ProjectorID, "projector_key": row.ProjectorKey})
	if res.Error != nil {
		return translateAs(res.Error, workshop.ErrWorkshopState, wsInvalid())
	}
	if res.RowsAffected == 0 {
		return workshop.ErrNotFound
	}
	return writeFacilitators(tx, w.ID, w.Facilitators)
}

// SaveAgenda implements workshop.Store. The items' order is their order in items: Position is
// written as the place in the list, from 1. An id that is not an item of the workshop is
// workshop.ErrInvalid.
func (s *Workshops) SaveAgenda(ctx context.Context, workshopID int64, items []workshop.AgendaItem) ([]workshop.AgendaItem, error) {
	tx := conn(ctx, s.db)
	keep := []int64{0} // never empty, for NOT IN
	for _, it := range items {
		if it.ID != 0 {
			keep = append(keep, it.ID)
		}
	}
	if err := tx.Where("workshop_id = ? AND id NOT IN ?", workshopID, keep).Delete(&workshopAgendaRow{}).Error; err != nil {
		return nil, err
	}
	for i, it := range items {
		row := workshopAgendaRow{ID: it.ID, WorkshopID: workshopID, Position: i + 1, Title: it.Title, Minutes: it.Minutes,
			StartedAt: optTime(it.StartedAt), EndedAt: optTime(it.EndedAt)}
		if it.ID == 0 {
			if err := tx.Create(&row).Error; err != nil {
				return nil, translate(err, workshop.ErrInvalid)
			}
			continue
		}
		res := tx.Model(&workshopAgendaRow{}).Where("id = ? AND workshop_id = ?", it.ID, workshopID).Updates(map[string]any{"position": row.Position,
			"title": row.Title, "minutes": row.Minutes, "started_at": row.StartedAt, "ended_at": row.EndedAt})
		if res.Error != nil {
			return nil, translate(res.Error, workshop.ErrInvalid)
		}
		if res.RowsAffected == 0 {
			return nil, fmt.Errorf("%w: agenda item %d is not one of this workshop", workshop.ErrInvalid, it.ID)
		}
	}
	agenda, err := s.agendas(tx, []int64{workshopID})
	return agenda[workshopID], err
}

// agendas reads the agendas of the workshops, each in order.
func (s *Workshops) agendas(tx *gorm.DB, ids []int64) (map[int64][]workshop.AgendaItem, error) {
	out := map[int64][]workshop.AgendaItem{}
	for _, id := range ids {
		out[id] = []workshop.AgendaItem{}
	}
	var rows []workshopAgendaRow
	if err := tx.Where("workshop_id IN ?", ids).Order("workshop_id, position, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list agenda: %w", err)
	}
	for _, r := range rows {
		out[r.WorkshopID] = append(out[r.WorkshopID], r.toDomain())
	}
	return out, nil
}

// complete turns rows into workshops with their agendas and facilitators, read in two queries.
func (s *Workshops) complete(tx *gorm.DB, rows []workshopRow) ([]workshop.Workshop, error) {
	out, err := domainRows(rows)
	if err != nil || len(out) == 0 {
		return out, err
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	agendas, err := s.agendas(tx, ids)
	if err != nil {
		return nil, err
	}
	var fs []workshopFacilitatorRow
	if err := tx.Where("workshop_id IN ?", ids).Order("workshop_id, user_id").Find(&fs).Error; err != nil {
		return nil, fmt.Errorf("list facilitators: %w", err)
	}
	facilitators := map[int64][]int64{}
	for _, f := range fs {
		facilitators[f.WorkshopID] = append(facilitators[f.WorkshopID], f.UserID)
	}
	for i := range out {
		out[i].Agenda = agendas[out[i].ID]
		if f := facilitators[out[i].ID]; f != nil {
			out[i].Facilitators = f
		}
	}
	return out, nil
}

func (s *Workshops) one(ctx context.Context, missing error, query string, args ...any) (workshop.Workshop, error) {
	tx := conn(ctx, s.db)
	var r workshopRow
	if err := tx.Where(query, args...).Take(&r).Error; err != nil {
		return workshop.Workshop{}, notFound(err, missing)
	}
	out, err := s.complete(tx, []workshopRow{r})
	if err != nil {
		return workshop.Workshop{}, err
	}
	return out[0], nil
}

// Workshop implements workshop.Store.
func (s *Workshops) Workshop(ctx context.Context, id int64) (workshop.Workshop, error) {
	return s.one(ctx, workshop.ErrNotFound, "id = ?", id)
}

// ByJoinCode implements workshop.Store; the code is compared as it is.
func (s *Workshops) ByJoinCode(ctx context.Context, code string) (workshop.Workshop, error) {
	return s.one(ctx, workshop.ErrBadJoinCode, "join_code = ?", code)
}

// Workshops implements workshop.Store.
func (s *Workshops) Workshops(ctx context.Context, processID int64) ([]workshop.Workshop, error) {
	tx := conn(ctx, s.db)
	var rows []workshopRow
	if err := tx.Where("process_id = ?", processID).Order("starts_at, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list workshops: %w", err)
	}
	return s.complete(tx, rows)
}

// FacilitatedBy implements workshop.Store.
func (s *Workshops) FacilitatedBy(ctx context.Context, userID int64) ([]int64, error) {
	ids := []int64{}
	err := conn(ctx, s.db).Model(&workshopFacilitatorRow{}).Where("user_id = ?", userID).Order("workshop_id").Pluck("workshop_id", &ids).Error
	return ids, err
}
