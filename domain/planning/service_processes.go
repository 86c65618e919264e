package planning

import (
	"context"
	"strconv"

	"github.com/teilhabe/teilhabe/domain/access"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// Processes lists a page of a district's processes; drafts only for those who coordinate it.
func (s *Service) Processes(ctx context.Context, who identity.Principal, q ProcessQuery) ([]Process, string, error) {
	if _, err := s.districts.Get(ctx, q.DistrictKey); err != nil {
		return nil, "", err
	}
	q.IncludeDrafts = access.CanCoordinate(who, q.DistrictKey)
	return s.store.Processes(ctx, q)
}

// Process returns a process the person may read, with its phases, areas and documents.
func (s *Service) Process(ctx context.Context, who identity.Principal, id int64) (Process, error) {
	p, err := s.store.Process(ctx, id)
	return visible(who, p, err)
}

// ReadableProcess returns the head of a process the person may read (without phases, areas and
// documents), for what hangs from it, such as its consultations: for those who may not see a
// draft, it does not exist.
func (s *Service) ReadableProcess(ctx context.Context, who identity.Principal, id int64) (Process, error) {
	p, err := s.store.ProcessHead(ctx, id)
	return visible(who, p, err)
}

// visible passes on a loaded process the person may read; for anyone else a draft does not exist.
func visible(who identity.Principal, p Process, err error) (Process, error) {
	if err == nil && !p.ReadableBy(who) {
		return Process{}, ErrProcessNotFound
	}
	return p, err
}

// ChangeableProcess returns the head of a process the person coordinates.
func (s *Service) ChangeableProcess(ctx context.Context, who identity.Principal, id int64) (Process, error) {
	if who.Anonymous() {
		return Process{}, kernel.ErrLoginRequired
	}
	p, err := s.ReadableProcess(ctx, who, id)
	if err != nil {
		return p, err
	}
	return p, kernel.Allow(false, access.CanCoordinate(who, p.DistrictKey))
}

// CreateProcess starts a process in a district the person coordinates; it is a draft, whatever
// status it comes with, until it is published.
func (s *Service) CreateProcess(ctx context.Context, who identity.Principal, p Process) (Process, error) {
	if err := kernel.Allow(who.Anonymous(), access.CanCoordinate(who, p.DistrictKey)); err != nil {
		return p, err
	}
	if _, err := s.districts.Get(ctx, p.DistrictKey); err != nil {
		return p, err
	}
	p.ID, p.Status = 0, StatusDraft
	var out Process
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		if err := s.checkProcess(ctx, &p); err != nil {
			return err
		}
		var err error
		if out, err = s.store.InsertProcess(ctx, p); err != nil {
			return err
		}
		return s.log(ctx, who, "process.create", "process", strconv.FormatInt(out.ID, 10),
			map[string]any{"title": out.Title, "district_key": out.DistrictKey})
	})
	return out, err
}

// UpdateProcess changes a process's fields and areas in scope.
func (s *Service) UpdateProcess(ctx context.Context, who identity.Principal, id int64, change ProcessChange) (Process, error) {
	return s.change(ctx, who, id, "process.update", func(p *Process) error {
		change.ApplyTo(p)
		return nil
	})
}

// ReplacePhases replaces a process's phases.
func (s *Service) ReplacePhases(ctx context.Context, who identity.Principal, id int64, phases []Phase) (Process, error) {
	return s.change(ctx, who, id, "process.phases", func(p *Process) error {
		p.Phases = phases
		return nil
	})
}

// ChangeStatus moves a process to another status, as CanMoveTo allows.
func (s *Service) ChangeStatus(ctx context.Context, who identity.Principal, id int64, next Status) (Process, error) {
	return s.change(ctx, who, id, "process.status", func(p *Process) error {
		if err := p.CanMoveTo(next); err != nil {
			return err
		}
		p.Status = next
		return nil
	})
}

// change reads a process the person coordinates, lets edit change it, checks and saves it with
// the audit line in one transaction, and returns it as saved.
func (s *Service) change(ctx context.Context, who identity.Principal, id int64, action string, edit func(*Process) error) (Process, error) {
	if who.Anonymous() {
		return Process{}, kernel.ErrLoginRequired
	}
	var out Process
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		p, err := s.Process(ctx, who, id)
		if err != nil {
			return err
		}
		if err := kernel.Allow(false, access.CanCoordinate(who, p.DistrictKey)); err != nil {
			return err
		}
		if err := edit(&p); err != nil {
			return err
		}
		p.ID = id
		if err := s.checkProcess(ctx, &p); err != nil {
			return err
		}
		if err := s.store.SaveProcess(ctx, p); err != nil {
			return err
		}
		if err := s.log(ctx, who, action, "process", strconv.FormatInt(id, 10), map[string]any{"title": p.Title, "status": string(p.Status)}); err != nil {
			return err
		}
		out, err = s.store.Process(ctx, id)
		return err
	})
	return out, err
}

// checkProcess runs Check and makes sure every area in scope is one of the district's.
func (s *Service) checkProcess(ctx context.Context, p *Process) error {
	if err := p.Check(); err != nil {
		return err
	}
	if len(p.SocialAreaIDs) == 0 {
		return nil
	}
	n, err := s.store.CountAreas(ctx, p.DistrictKey, p.SocialAreaIDs)
	if err != nil {
		return err
	}
	if int(n) != len(p.SocialAreaIDs) {
		return errAreaOutOfScope
	}
	return nil
}
