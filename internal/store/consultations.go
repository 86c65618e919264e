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

// Consultations is the gorm implementation of consultation.Store.
type Consultations struct {
	db   *gorm.DB
	base *DB
}

// NewConsultations returns the consultation store.
func NewConsultations(db *DB) *Consultations {
	return &Consultations{db: db.Gorm, base: db}
}

var _ consultation.Store = (*Consultations)(nil)

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

// consultationHead is a consultation's row with its process's status, which decides who sees it.
type consultationHead struct {
	ID            int64
	ProcessID     int64
	DistrictKey   string
	Title         string
	Intro         string
	Audience      string
	InvitedOrgs   string
	Moderation    string
	OpensAt       time.Time
	ClosesAt      time.Time
	CreatedAt     time.Time
	ProcessStatus string
	SectionIDs    string // comma-separated, in Head only
}

func loadHead(tx *gorm.DB, id int64, sections bool) (consultation.Consultation, error) {
	cols := "consultations.*, processes.status AS process_status"
	if sections {
		agg := "string_agg(CAST(s.id AS TEXT), ',')"
		if tx.Dialector.Name() != "postgres" {
			agg = "group_concat(s.id, ',')"
		}
		cols += ", (SELECT " + agg + " FROM consultation_sections s WHERE s.consultation_id = consultations.id) AS section_ids"
	}
	var r consultationHead
	res := tx.Table("consultations").Select(cols).Joins("JOIN processes ON processes.id = consultations.process_id").
		Where("consultations.id = ?", id).Limit(1).Find(&r)
	if res.Error != nil {
		return consultation.Consultation{}, res.Error
	}
	if res.RowsAffected == 0 {
		return consultation.Consultation{}, consultation.ErrNotFound
	}
	c := consultationRow{ID: r.ID, ProcessID: r.ProcessID, DistrictKey: r.DistrictKey, Title: r.Title, Intro: r.Intro, Audience: r.Audience,
		InvitedOrgs: r.InvitedOrgs, Moderation: r.Moderation, OpensAt: r.OpensAt, ClosesAt: r.ClosesAt, CreatedAt: r.CreatedAt}.toDomain()
	c.ProcessStatus = planning.Status(r.ProcessStatus)
	for _, sid := range strings.Split(r.SectionIDs, ",") {
		if n, err := strconv.ParseInt(sid, 10, 64); err == nil {
			c.Sections = append(c.Sections, consultation.Section{ID: n})
		}
	}
	return c, nil
}

// Head implements consultation.Store.
func (s *Consultations) Head(ctx context.Context, id int64) (consultation.Consultation, error) {
	return loadHead(conn(ctx, s.db), id, true)
}

func loadConsultation(tx *gorm.DB, id int64) (consultation.Consultation, error) {
	c, err := loadHead(tx, id, false)
	if err != nil {
		return c, err
	}
	var secs []sectionRow
	if err := tx.Where("consultation_id = ?", id).Order("position").Find(&secs).Error; err != nil {
		return c, err
	}
	for _, s := range secs {
		c.Sections = append(c.Sections, consultation.Section{ID: s.ID, Position: s.Position, Heading: s.Heading, Body: s.Body})
	}
	err = tx.Model(&consultationAreaRow{}).Where("consultation_id = ?", id).Order("social_area_id").Pluck("social_area_id", &c.AreaIDs).Error
	return c, err
}

// Get implements consultation.Store.
func (s *Consultations) Get(ctx context.Context, id int64) (consultation.Consultation, error) {
	return loadConsultation(conn(ctx, s.db), id)
}

// ByProcess implements consultation.Store.
func (s *Consultations) ByProcess(ctx context.Context, processID int64) ([]consultation.Consultation, error) {
	var ids []int64
	db := conn(ctx, s.db)
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

// InsertConsultation implements consultation.Store; the district is the process's.
func (s *Consultations) InsertConsultation(ctx context.Context, c consultation.Consultation) (consultation.Consultation, error) {
	tx := conn(ctx, s.db)
	var p processRow
	if err := tx.Take(&p, c.ProcessID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return c, planning.ErrProcessNotFound
	} else if err != nil {
		return c, err
	}
	c.DistrictKey = p.DistrictKey
	row := consultationRow{ProcessID: c.ProcessID, DistrictKey: c.DistrictKey, Title: c.Title, Intro: c.Intro, Audience: string(c.Audience),
		InvitedOrgs: strings.Join(c.InvitedOrgs, ","), Moderation: string(c.Moderation), OpensAt: c.OpensAt.UTC(), ClosesAt: c.ClosesAt.UTC()}
	if err := tx.Create(&row).Error; err != nil {
		return c, err
	}
	c.ID = row.ID
	if err := writeConsultationParts(tx, c, true); err != nil {
		return c, err
	}
	return loadConsultation(tx, c.ID)
}

// SaveConsultation implements consultation.Store.
func (s *Consultations) SaveConsultation(ctx context.Context, c consultation.Consultation) error {
	tx := conn(ctx, s.db)
	if err := tx.Model(&consultationRow{ID: c.ID}).Select("title", "intro", "audience", "invited_orgs", "moderation", "opens_at", "closes_at", "updated_at").
		Updates(map[string]any{"title": c.Title, "intro": c.Intro, "audience": string(c.Audience), "invited_orgs": strings.Join(c.InvitedOrgs, ","),
			"moderation": string(c.Moderation), "opens_at": c.OpensAt.UTC(), "closes_at": c.ClosesAt.UTC(), "updated_at": time.Now().UTC()}).Error; err != nil {
		return err
	}
	return writeConsultationParts(tx, c, false)
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
