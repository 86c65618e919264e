package app

import (
	"context"
	"fmt"
	"time"

	"github.com/teilhabe/teilhabe/domain/atlas"
	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/needs"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/internal/store"
)

// Needs returns the needs context's use cases on db, emitting live events into out and keeping
// attachments' bytes in blobs; it reads processes through plan, organisations and people through
// ids, and values through at.
func Needs(db *store.DB, out *store.Outbox, blobs planning.Blobs, plan *planning.Service, ids *identity.Service, at *atlas.Service, now func() time.Time) *needs.Service {
	if now == nil {
		now = time.Now
	}
	return needs.NewService(needs.Deps{
		Store: store.NewNeeds(db), Tx: db, Outbox: out, Audit: store.NewAudit(db),
		Processes: plan, Directory: ids,
		Atlas:    NeedsAtlas{Service: at, Store: store.NewAtlas(db), Now: now},
		Comments: NeedsComments{Store: store.NewConsultations(db)},
		Files:    store.NewNeedsFiles(db), Blobs: blobs,
		Now: now,
	})
}

// NeedsAtlas is the needs context's view of the atlas: values read as the person may see them,
// and citations written through the atlas's store in the caller's transaction.
type NeedsAtlas struct {
	Service *atlas.Service
	Store   atlas.Store
	Now     func() time.Time
}

var _ needs.Atlas = NeedsAtlas{}

// Evidence implements needs.Atlas: an unknown indicator, area or year is an error; a withheld
// value is cited without its number, whoever cites it, because others read the citation.
func (a NeedsAtlas) Evidence(ctx context.Context, who identity.Principal, indicator, area string, year int) (needs.Evidence, error) {
	key, err := atlas.ParseAreaKey(area)
	if err != nil {
		return needs.Evidence{}, err
	}
	v, err := a.Service.Value(ctx, who, indicator, key, year)
	if err != nil {
		return needs.Evidence{}, err
	}
	if v.Cell.Name == "" {
		return needs.Evidence{}, fmt.Errorf("%w: %s", atlas.ErrAreaUnknown, key)
	}
	e := needs.Evidence{Indicator: v.Indicator.Key, Area: string(key), Year: year, Title: v.Indicator.NameDE,
		AreaName: v.Cell.Name, Unit: v.Indicator.Unit}
	if v.Cell.Status == atlas.StatusShown && v.Cell.Value != nil {
		x := *v.Cell.Value
		e.Value = &x
	}
	return e, nil
}

// Actuals implements needs.Atlas: the public values (read as nobody in particular), the newest
// of each year.
func (a NeedsAtlas) Actuals(ctx context.Context, indicator, area string) ([]needs.YearValue, error) {
	key, err := atlas.ParseAreaKey(area)
	if err != nil {
		return nil, err
	}
	_, series, err := a.Service.Series(ctx, identity.Principal{}, indicator, []atlas.AreaKey{key})
	if err != nil {
		return nil, err
	}
	out := []needs.YearValue{}
	for _, s := range series {
		for _, p := range s.Points {
			yv := needs.YearValue{Year: p.Year, Value: p.Value}
			if n := len(out); n > 0 && out[n-1].Year == p.Year {
				out[n-1] = yv // a later date of the same year
				continue
			}
			out = append(out, yv)
		}
	}
	return out, nil
}

// Cite implements needs.Atlas.
func (a NeedsAtlas) Cite(ctx context.Context, e needs.Evidence, kind, subjectID, title string) error {
	return a.Store.Cite(ctx, atlas.Citation{Ref: atlas.Ref(e.Indicator, atlas.AreaKey(e.Area), e.Year), Indicator: e.Indicator,
		Kind: kind, SubjectID: subjectID, Title: title, CitedValue: e.Value, CreatedAt: a.Now().UTC()})
}

// NeedsComments reads consultation comments for the weighing table.
type NeedsComments struct {
	Store consultation.Store
}

var _ needs.Comments = NeedsComments{}

// ForWeighing implements needs.Comments: only a published comment of a consultation of the
// process exists for the weighing; its text is the row's summary, never its author.
func (c NeedsComments) ForWeighing(ctx context.Context, processID, commentID int64) (string, []int64, error) {
	cm, err := c.Store.Comment(ctx, commentID)
	if err != nil {
		return "", nil, err
	}
	if cm.Status != consultation.StatusPublished {
		return "", nil, consultation.ErrCommentNotFound
	}
	cons, err := c.Store.Get(ctx, cm.ConsultationID)
	if err != nil || cons.ProcessID != processID {
		return "", nil, consultation.ErrCommentNotFound
	}
	return cm.Body, cons.AreaIDs, nil
}
