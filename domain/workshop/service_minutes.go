package workshop

import (
	"context"

	"github.com/teilhabe/teilhabe/domain/identity"
)

// Record gathers everything the minutes and the raw-data export are made from (facilitators):
// the workshop with its agenda, the process's title, the attendance, the modules with every
// question, poll answer and tally, card and theme, and the decisions.
func (s *Service) Record(ctx context.Context, who identity.Principal, id int64) (Record, error) {
	w, err := s.facilitated(ctx, who, id)
	if err != nil {
		return Record{}, err
	}
	return s.record(ctx, who, w)
}

func (s *Service) record(ctx context.Context, who identity.Principal, w Workshop) (Record, error) {
	r := Record{Workshop: w, Language: "de", Questions: map[int64][]Question{}, Results: map[int64]Results{}, Answers: map[int64][]Answer{},
		Cards: map[int64][]Card{}, Themes: map[int64][]Theme{}}
	p, err := s.plan.Process(ctx, who, w.ProcessID)
	if err != nil {
		return r, err
	}
	r.ProcessTitle = p.Title
	if r.Attendance, err = s.store.Attendance(ctx, w.ID); err != nil {
		return r, err
	}
	if r.Modules, err = s.store.Modules(ctx, w.ID); err != nil {
		return r, err
	}
	for _, m := range r.Modules {
		switch m.Kind {
		case KindQuestions:
			if r.Questions[m.ID], err = s.store.Questions(ctx, m.ID); err != nil {
				return r, err
			}
		case KindPoll:
			answers, err := s.store.Answers(ctx, m.ID)
			if err != nil {
				return r, err
			}
			res := Tally(m.Poll, answers)
			res.ModuleID = m.ID
			r.Answers[m.ID], r.Results[m.ID] = answers, res
		case KindBoard:
			if r.Cards[m.ID], err = s.store.Cards(ctx, m.ID); err != nil {
				return r, err
			}
			if r.Themes[m.ID], err = s.store.Themes(ctx, m.ID); err != nil {
				return r, err
			}
		}
	}
	r.Decisions, err = s.store.Decisions(ctx, w.ID)
	return r, err
}

// Minutes returns the workshop's minutes: to its facilitators the draft or the published
// minutes, to everyone else who may read the workshop only published ones (ErrMinutesNotFound
// otherwise, as if there were none). It also returns the workshop, for the export's file name.
func (s *Service) Minutes(ctx context.Context, c Caller, id int64) (Minutes, Workshop, error) {
	w, _, err := s.readable(ctx, c, id)
	if err != nil {
		return Minutes{}, w, err
	}
	m, found, err := s.store.MinutesOf(ctx, id)
	if err != nil {
		return Minutes{}, w, err
	}
	if !found || !m.ReadableBy(w.Facilitates(c.Who)) {
		return Minutes{}, w, ErrMinutesNotFound
	}
	return m, w, nil
}

// DraftMinutes builds the draft from the session's data (BuildMinutes), replacing an
// unpublished draft; once published, the minutes are only edited (ErrMinutesState).
func (s *Service) DraftMinutes(ctx context.Context, who identity.Principal, id int64) (Minutes, error) {
	var out Minutes
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		w, err := s.facilitated(ctx, who, id)
		if err != nil {
			return err
		}
		r, err := s.record(ctx, who, w)
		if err != nil {
			return err
		}
		m, found, err := s.store.MinutesOf(ctx, id)
		if err != nil {
			return err
		}
		prev, err := m.Redraft(found, id, BuildMinutes(r), s.now().UTC())
		if err != nil {
			return err
		}
		if err := s.store.SaveMinutes(ctx, m, prev); err != nil {
			return err
		}
		out = m
		return s.log(ctx, who, "workshop.minutes_draft", id, map[string]any{"version": m.Version})
	})
	return out, err
}

// SaveMinutes stores the facilitator's edit of the minutes made from version base
// (ErrStaleMinutes when someone saved since). Published minutes stay published: an edit is a
// correction, and the audit line says so.
func (s *Service) SaveMinutes(ctx context.Context, who identity.Principal, id int64, text string, base int) (Minutes, error) {
	var out Minutes
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		if _, err := s.facilitated(ctx, who, id); err != nil {
			return err
		}
		m, found, err := s.store.MinutesOf(ctx, id)
		if err != nil {
			return err
		}
		if err := m.Edit(found, text, base, s.now().UTC()); err != nil {
			return err
		}
		if err := s.store.SaveMinutes(ctx, m, base); err != nil {
			return err
		}
		out = m
		return s.log(ctx, who, "workshop.minutes_save", id, map[string]any{"version": m.Version, "published": m.Status == MinutesPublished})
	})
	return out, err
}

// PublishMinutes publishes the draft on the process page.
func (s *Service) PublishMinutes(ctx context.Context, who identity.Principal, id int64) (Minutes, error) {
	var out Minutes
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		if _, err := s.facilitated(ctx, who, id); err != nil {
			return err
		}
		m, found, err := s.store.MinutesOf(ctx, id)
		if err != nil {
			return err
		}
		base := m.Version
		if err := m.Publish(found, s.now().UTC()); err != nil {
			return err
		}
		if err := s.store.SaveMinutes(ctx, m, base); err != nil {
			return err
		}
		out = m
		return s.log(ctx, who, "workshop.minutes_publish", id, map[string]any{"version": m.Version})
	})
	return out, err
}
