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

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/internal/realtime"
)

type consultationRow struct {
	ID          int64 `gorm:"primaryKey"`
	ProcessID   int64
	DistrictKey string
	Title       string
	Intro       string
	Audience    string
	InvitedOrgs string // comma-separated slugs
	Moderation  string
	OpensAt     time.Time
	ClosesAt    time.Time
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

func (consultationRow) TableName() string { return "consultations" }

type sectionRow struct {
	ID             int64 `gorm:"primaryKey"`
	ConsultationID int64
	Position       int
	Heading        string
	Body           string
}

func (sectionRow) TableName() string { return "consultation_sections" }

type consultationAreaRow struct {
	ConsultationID int64 `gorm:"primaryKey;autoIncrement:false"`
	SocialAreaID   int64 `gorm:"primaryKey;autoIncrement:false"`
}

func (consultationAreaRow) TableName() string { return "consultation_areas" }

// Consultations is the gorm implementation of consultation.Store. Writes store live events for
// the consultation's room (see write) and report them to published after the commit.
type Consultations struct {
	db        *gorm.DB
	published func(room string, seq int64)
}

// NewConsultations returns the consultation store; published is told of committed live events
// (nil: nobody listens).
func NewConsultations(db *DB, published func(room string, seq int64)) *Consultations {
	if published == nil {
		published = func(string, int64) {}
	}
	return &Consultations{db: db.Gorm, published: published}
}

var _ consultation.Store = (*Consultations)(nil)

// write runs fn in a transaction and then stores the live events it emitted in a second, short
// one, and announces them. Why two: a room's sequence is a counter row, locked from the event's
// insert to its commit; inside the change's own transaction that lock would be held through the
// commit's flush to disk, so all writes to one room would commit one at a time. The event
// transaction commits without waiting for that flush (synchronous_commit off): the change itself
// is already durable, and PostgreSQL flushes its log in order, so a crash can lose only the newest
// events of a room, never one in the middle. Such an event is missing live but not on reload.
func (s *Consultations) write(ctx context.Context, fn func(tx *gorm.DB, emit func(room, typ string, data any) error) error) error {
	type pending struct {
		room, typ string
		data      any
	}
	var events []pending
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		events = events[:0]
		return fn(tx, func(room, typ string, data any) error {
			events = append(events, pending{room, typ, data})
			return nil
		})
	})
	if err != nil || len(events) == 0 {
		return err
	}
	last := map[string]int64{}
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if tx.Dialector.Name() == "postgres" {
			if err := tx.Exec("SET LOCAL synchronous_commit TO OFF").Error; err != nil {
				return err
			}
		}
		for _, e := range events {
			ev, err := AppendEvent(tx, e.room, realtime.Everyone, e.typ, e.data)
			if err != nil {
				return err
			}
			last[e.room] = ev.Seq
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("the change is saved, but its live event is not: %w", err)
	}
	for room, seq := range last {
		s.published(room, seq)
	}
	return nil
}

func (r consultationRow) toDomain() consultation.Consultation {
	c := consultation.Consultation{ID: r.ID, ProcessID: r.ProcessID, DistrictKey: r.DistrictKey, Title: r.Title, Intro: r.Intro,
		Audience: consultation.Audience(r.Audience), Moderation: consultation.Moderation(r.Moderation),
		OpensAt: r.OpensAt.UTC(), ClosesAt: r.ClosesAt.UTC(), CreatedAt: r.CreatedAt.UTC(), InvitedOrgs: []string{}, AreaIDs: []int64{}}
	for _, o := range strings.Split(r.InvitedOrgs, ",") {
		if o != "" {
			c.InvitedOrgs = append(c.InvitedOrgs, o)
		}
	}
	return c
}

func loadConsultation(tx *gorm.DB, id int64) (consultation.Consultation, error) {
	var r consultationRow
	if err := tx.Take(&r, id).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return consultation.Consultation{}, consultation.ErrNotFound
	} else if err != nil {
		return consultation.Consultation{}, err
	}
	c := r.toDomain()
	var secs []sectionRow
	if err := tx.Where("consultation_id = ?", id).Order("position").Find(&secs).Error; err != nil {
		return c, err
	}
	for _, s := range secs {
		c.Sections = append(c.Sections, consultation.Section{ID: s.ID, Position: s.Position, Heading: s.Heading, Body: s.Body})
	}
	err := tx.Model(&consultationAreaRow{}).Where("consultation_id = ?", id).Order("social_area_id").Pluck("social_area_id", &c.AreaIDs).Error
	return c, err
}

// Get implements consultation.Store.
func (s *Consultations) Get(ctx context.Context, id int64) (consultation.Consultation, error) {
	return loadConsultation(s.db.WithContext(ctx), id)
}

// ByProcess implements consultation.Store.
func (s *Consultations) ByProcess(ctx context.Context, processID int64) ([]consultation.Consultation, error) {
	var ids []int64
	db := s.db.WithContext(ctx)
	if err := db.Model(&consultationRow{}).Where("process_id = ?", processID).Order("opens_at, id").Pluck("id", &ids).Error; err != nil {
		return nil, err
	}
	out := make([]consultation.Consultation, 0, len(ids))
	for _, id := range ids {
		c, err := loadConsultation(db, id)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// Create implements consultation.Store.
func (s *Consultations) Create(ctx context.Context, actorID int64, c consultation.Consultation) (consultation.Consultation, error) {
	var out consultation.Consultation
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var p processRow
		if err := tx.Take(&p, c.ProcessID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return planning.ErrProcessNotFound
		} else if err != nil {
			return err
		}
		c.DistrictKey = p.DistrictKey
		if err := c.Validate(); err != nil {
			return err
		}
		row := consultationRow{ProcessID: c.ProcessID, DistrictKey: c.DistrictKey, Title: c.Title, Intro: c.Intro, Audience: string(c.Audience),
			InvitedOrgs: strings.Join(c.InvitedOrgs, ","), Moderation: string(c.Moderation), OpensAt: c.OpensAt.UTC(), ClosesAt: c.ClosesAt.UTC()}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		c.ID = row.ID
		if err := writeConsultationParts(tx, c, true); err != nil {
			return err
		}
		if err := appendAudit(tx, actorID, "consultation.create", "consultation", strconv.FormatInt(c.ID, 10), map[string]any{"title": c.Title, "process_id": c.ProcessID}); err != nil {
			return err
		}
		var err error
		out, err = loadConsultation(tx, c.ID)
		return err
	})
	return out, err
}

// Update implements consultation.Store. Sections keep their ids where their position stays, so
// comments on them stay attached.
func (s *Consultations) Update(ctx context.Context, actorID, id int64, update func(*consultation.Consultation) error) (consultation.Consultation, error) {
	var out consultation.Consultation
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		c, err := loadConsultation(tx, id)
		if err != nil {
			return err
		}
		if err := update(&c); err != nil {
			return err
		}
		c.ID = id
		if err := c.Validate(); err != nil {
			return err
		}
		if err := tx.Model(&consultationRow{ID: id}).Select("title", "intro", "audience", "invited_orgs", "moderation", "opens_at", "closes_at", "updated_at").
			Updates(map[string]any{"title": c.Title, "intro": c.Intro, "audience": string(c.Audience), "invited_orgs": strings.Join(c.InvitedOrgs, ","),
				"moderation": string(c.Moderation), "opens_at": c.OpensAt.UTC(), "closes_at": c.ClosesAt.UTC(), "updated_at": time.Now().UTC()}).Error; err != nil {
			return err
		}
		if err := writeConsultationParts(tx, c, false); err != nil {
			return err
		}
		if err := appendAudit(tx, actorID, "consultation.update", "consultation", strconv.FormatInt(id, 10), map[string]any{"title": c.Title}); err != nil {
			return err
		}
		out, err = loadConsultation(tx, id)
		return err
	})
	return out, err
}

func writeConsultationParts(tx *gorm.DB, c consultation.Consultation, created bool) error {
	areas := slices.Compact(slices.Sorted(slices.Values(c.AreaIDs)))
	if len(areas) > 0 {
		var n int64
		if err := tx.Model(&socialAreaRow{}).Where("id IN ? AND district_key = ?", areas, c.DistrictKey).Count(&n).Error; err != nil {
			return err
		}
		if int(n) != len(areas) {
			return fmt.Errorf("%w consultation: a social area does not exist or belongs to another district", consultation.ErrInvalid)
		}
	}
	if !created {
		if err := tx.Where("consultation_id = ?", c.ID).Delete(&consultationAreaRow{}).Error; err != nil {
			return err
		}
	}
	for _, a := range areas {
		if err := tx.Create(&consultationAreaRow{ConsultationID: c.ID, SocialAreaID: a}).Error; err != nil {
			return err
		}
	}
	// Sections keep their rows (and so their comments) by id; positions move out of the way
	// first, because (consultation_id, position) is unique.
	var existing []sectionRow
	if err := tx.Where("consultation_id = ?", c.ID).Order("position").Find(&existing).Error; err != nil {
		return err
	}
	if err := tx.Model(&sectionRow{}).Where("consultation_id = ?", c.ID).Update("position", gorm.Expr("-1 - position")).Error; err != nil {
		return err
	}
	kept := map[int64]bool{}
	for i, sec := range c.Sections {
		if sec.ID != 0 {
			if !slices.ContainsFunc(existing, func(r sectionRow) bool { return r.ID == sec.ID }) {
				return fmt.Errorf("%w consultation: section %d does not belong to it", consultation.ErrInvalid, sec.ID)
			}
			kept[sec.ID] = true
			if err := tx.Model(&sectionRow{ID: sec.ID}).Updates(map[string]any{"position": i, "heading": sec.Heading, "body": sec.Body}).Error; err != nil {
				return err
			}
			continue
		}
		if err := tx.Create(&sectionRow{ConsultationID: c.ID, Position: i, Heading: sec.Heading, Body: sec.Body}).Error; err != nil {
			return err
		}
	}
	for _, old := range existing {
		if !kept[old.ID] {
			if err := tx.Delete(&old).Error; err != nil { // its comments stay, on the whole plan
				return err
			}
		}
	}
	return nil
}
