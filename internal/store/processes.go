package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/domain/planning"
)

type processRow struct {
	ID          int64 `gorm:"primaryKey"`
	DistrictKey string
	Title       string
	Summary     string
	Office      string
	Fields      string // comma-separated, in the order of planning.Fields
	Status      string
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

func (processRow) TableName() string { return "processes" }

type processAreaRow struct {
	ProcessID    int64 `gorm:"primaryKey;autoIncrement:false"`
	SocialAreaID int64 `gorm:"primaryKey;autoIncrement:false"`
}

func (processAreaRow) TableName() string { return "process_areas" }

type phaseRow struct {
	ID        int64 `gorm:"primaryKey"`
	ProcessID int64
	Position  int
	Kind      string
	Title     string
	StartsOn  time.Time
	EndsOn    time.Time
}

func (phaseRow) TableName() string { return "phases" }

func (r processRow) toDomain() planning.Process {
	p := planning.Process{ID: r.ID, DistrictKey: r.DistrictKey, Title: r.Title, Summary: r.Summary, Office: r.Office,
		Status: planning.Status(r.Status), CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(), Fields: []planning.Field{}}
	for _, f := range strings.Split(r.Fields, ",") {
		if f != "" {
			p.Fields = append(p.Fields, planning.Field(f))
		}
	}
	return p
}

// fieldsColumn keeps fields in a stable order, so equal sets compare equal.
func fieldsColumn(fs []planning.Field) string {
	var out []string
	for _, f := range planning.Fields {
		if slices.Contains(fs, f) {
			out = append(out, string(f))
		}
	}
	return strings.Join(out, ",")
}

// statusRank orders lists: running processes first, then drafts, concluded, archived.
const statusRank = "CASE status WHEN 'published' THEN 1 WHEN 'draft' THEN 2 WHEN 'concluded' THEN 3 ELSE 4 END"

var rankOf = map[planning.Status]int{planning.StatusPublished: 1, planning.StatusDraft: 2, planning.StatusConcluded: 3, planning.StatusArchived: 4}

// Processes implements planning.Store. The cursor is "rank.id" of the last item.
func (s *Planning) Processes(ctx context.Context, q planning.ProcessQuery) ([]planning.Process, string, error) {
	db := conn(ctx, s.db)
	tx := db.Where("district_key = ?", q.DistrictKey)
	if !q.IncludeDrafts {
		tx = tx.Where("status <> ?", planning.StatusDraft)
	}
	if q.Status != "" {
		tx = tx.Where("status = ?", q.Status)
	}
	if q.Field != "" {
		tx = tx.Where("(',' || fields || ',') LIKE ?", "%,"+string(q.Field)+",%")
	}
	if q.Cursor != "" {
		rank, id, ok := parseCursor(q.Cursor)
		if !ok {
			return nil, "", fmt.Errorf("%w: the cursor is not one this API gave out", planning.ErrInvalid)
		}
		tx = tx.Where("("+statusRank+" > ?) OR ("+statusRank+" = ? AND id < ?)", rank, rank, id)
	}
	var rows []processRow
	if err := tx.Order(statusRank + ", id DESC").Limit(q.Limit + 1).Find(&rows).Error; err != nil {
		return nil, "", fmt.Errorf("list processes: %w", err)
	}
	next := ""
	if len(rows) > q.Limit {
		rows = rows[:q.Limit]
		last := rows[len(rows)-1]
		next = fmt.Sprintf("%d.%d", rankOf[planning.Status(last.Status)], last.ID)
	}
	out := make([]planning.Process, len(rows))
	ids := make([]int64, len(rows))
	for i, r := range rows {
		out[i], ids[i] = r.toDomain(), r.ID
	}
	phases, err := loadPhases(db, ids)
	if err != nil {
		return nil, "", err
	}
	for i := range out {
		out[i].Phases = phases[out[i].ID]
	}
	return out, next, nil
}

func parseCursor(c string) (int, int64, bool) {
	a, b, ok := strings.Cut(c, ".")
	rank, err1 := strconv.Atoi(a)
	id, err2 := strconv.ParseInt(b, 10, 64)
	return rank, id, ok && err1 == nil && err2 == nil && rank >= 1 && rank <= 4
}

func loadPhases(db *gorm.DB, processIDs []int64) (map[int64][]planning.Phase, error) {
	out := map[int64][]planning.Phase{}
	if len(processIDs) == 0 {
		return out, nil
	}
	var rows []phaseRow
	if err := db.Where("process_id IN ?", processIDs).Order("process_id, position").Find(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.ProcessID] = append(out[r.ProcessID], planning.Phase{ID: r.ID, Kind: planning.PhaseKind(r.Kind), Title: r.Title,
			StartsOn: dateOnly(r.StartsOn), EndsOn: dateOnly(r.EndsOn)})
	}
	return out, nil
}

func dateOnly(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// ProcessHead implements planning.Store.
func (s *Planning) ProcessHead(ctx context.Context, id int64) (planning.Process, error) {
	var r processRow
	if err := conn(ctx, s.db).Take(&r, id).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return planning.Process{}, planning.ErrProcessNotFound
	} else if err != nil {
		return planning.Process{}, err
	}
	return r.toDomain(), nil
}

// Process implements planning.Store.
func (s *Planning) Process(ctx context.Context, id int64) (planning.Process, error) {
	db := conn(ctx, s.db)
	p, err := s.ProcessHead(ctx, id)
	if err != nil {
		return p, err
	}
	phases, err := loadPhases(db, []int64{id})
	if err != nil {
		return p, err
	}
	p.Phases = phases[id]
	p.SocialAreaIDs = []int64{}
	if err := db.Model(&processAreaRow{}).Where("process_id = ?", id).Order("social_area_id").Pluck("social_area_id", &p.SocialAreaIDs).Error; err != nil {
		return p, err
	}
	var docs []documentRow
	if err := db.Where("process_id = ?", id).Order("uploaded_at, id").Find(&docs).Error; err != nil {
		return p, err
	}
	for _, d := range docs {
		p.Documents = append(p.Documents, d.toDomain())
	}
	return p, nil
}

// InsertProcess implements planning.Store.
func (s *Planning) InsertProcess(ctx context.Context, p planning.Process) (planning.Process, error) {
	var out planning.Process
	err := s.inTx(ctx, func(ctx context.Context) error {
		row := processRow{DistrictKey: p.DistrictKey, Title: p.Title, Summary: p.Summary, Office: p.Office, Fields: fieldsColumn(p.Fields), Status: string(p.Status)}
		if err := conn(ctx, s.db).Create(&row).Error; err != nil {
			return translate(err, planning.ErrInvalid)
		}
		p.ID = row.ID
		if err := writeProcessParts(conn(ctx, s.db), p); err != nil {
			return err
		}
		var err error
		out, err = s.Process(ctx, p.ID)
		return err
	})
	return out, err
}

// SaveProcess implements planning.Store.
func (s *Planning) SaveProcess(ctx context.Context, p planning.Process) error {
	return s.inTx(ctx, func(ctx context.Context) error {
		db := conn(ctx, s.db)
		res := db.Model(&processRow{ID: p.ID}).Select("title", "summary", "office", "fields", "status", "updated_at").
			Updates(map[string]any{"title": p.Title, "summary": p.Summary, "office": p.Office, "fields": fieldsColumn(p.Fields),
				"status": string(p.Status), "updated_at": time.Now().UTC()})
		if res.Error != nil {
			return res.Error
		} else if res.RowsAffected == 0 {
			return planning.ErrProcessNotFound
		}
		if err := db.Where("process_id = ?", p.ID).Delete(&processAreaRow{}).Error; err != nil {
			return err
		}
		if err := db.Where("process_id = ?", p.ID).Delete(&phaseRow{}).Error; err != nil {
			return err
		}
		return writeProcessParts(db, p)
	})
}

// writeProcessParts writes the area links and phases of a process that has none.
func writeProcessParts(db *gorm.DB, p planning.Process) error {
	for _, a := range p.SocialAreaIDs {
		if err := db.Create(&processAreaRow{ProcessID: p.ID, SocialAreaID: a}).Error; err != nil {
			return translate(err, planning.ErrInvalid)
		}
	}
	for i, ph := range p.Phases {
		if err := db.Create(&phaseRow{ProcessID: p.ID, Position: i, Kind: string(ph.Kind), Title: ph.Title,
			StartsOn: dateOnly(ph.StartsOn), EndsOn: dateOnly(ph.EndsOn)}).Error; err != nil {
			return err
		}
	}
	return nil
}

// inTx runs fn in the transaction of ctx, or in one of its own: a process and its parts are
// written together also when a caller (the demo, a test) uses the store alone.
func (s *Planning) inTx(ctx context.Context, fn func(ctx context.Context) error) error {
	return s.owner.InTx(ctx, fn)
}
