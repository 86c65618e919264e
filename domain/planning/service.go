package planning

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/teilhabe/teilhabe/domain/access"
	"github.com/teilhabe/teilhabe/domain/audit"
	"github.com/teilhabe/teilhabe/domain/district"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// Service is the planning context's use cases: each method authorises the person, applies the
// rules of this package, and persists in one transaction with its audit line. Handlers only
// decode, call and encode.
type Service struct {
	store     Store
	districts district.Store
	tx        kernel.Transactor
	audit     audit.Store
	blobs     Blobs
	now       func() time.Time
}

// Deps are the ports a Service needs.
type Deps struct {
	Store Store
	// Districts gives the boundaries that areas must lie in.
	Districts district.Store
	Tx        kernel.Transactor
	Audit     audit.Store
	// Blobs keeps the bytes of documents.
	Blobs Blobs
	// Now is the clock (nil: time.Now).
	Now func() time.Time
}

// NewService returns the planning use cases.
func NewService(d Deps) *Service {
	if d.Now == nil {
		d.Now = time.Now
	}
	return &Service{store: d.Store, districts: d.Districts, tx: d.Tx, audit: d.Audit, blobs: d.Blobs, now: d.Now}
}

// Areas lists a district's social areas, widest first; everyone may read them.
func (s *Service) Areas(ctx context.Context, districtKey string) ([]SocialArea, error) {
	if _, err := s.districts.Get(ctx, districtKey); err != nil {
		return nil, err
	}
	return s.store.Areas(ctx, districtKey)
}

// Area returns one social area; everyone may read it.
func (s *Service) Area(ctx context.Context, id int64) (SocialArea, error) {
	return s.store.Area(ctx, id)
}

// CreateArea adds a social area to a district the person coordinates.
func (s *Service) CreateArea(ctx context.Context, who identity.Principal, a SocialArea) (SocialArea, error) {
	if err := kernel.Allow(who.Anonymous(), access.CanCoordinate(who, a.DistrictKey)); err != nil {
		return a, err
	}
	a.ID = 0
	var out SocialArea
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		if err := s.checkArea(ctx, &a); err != nil {
			return err
		}
		var err error
		if out, err = s.store.InsertArea(ctx, a); err != nil {
			return err
		}
		return s.logArea(ctx, who, "social_area.create", out)
	})
	return out, err
}

// UpdateArea changes an area of a district the person coordinates.
func (s *Service) UpdateArea(ctx context.Context, who identity.Principal, id int64, change AreaPatch) (SocialArea, error) {
	if who.Anonymous() {
		return SocialArea{}, kernel.ErrLoginRequired
	}
	var out SocialArea
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		a, err := s.coordinatedArea(ctx, who, id)
		if err != nil {
			return err
		}
		change.ApplyTo(&a)
		if err := s.checkArea(ctx, &a); err != nil {
			return err
		}
		if err := s.store.SaveArea(ctx, a); err != nil {
			return err
		}
		out = a
		return s.logArea(ctx, who, "social_area.update", a)
	})
	return out, err
}

// DeleteArea removes an area of a district the person coordinates, unless something still
// refers to it.
func (s *Service) DeleteArea(ctx context.Context, who identity.Principal, id int64) error {
	if who.Anonymous() {
		return kernel.ErrLoginRequired
	}
	return s.tx.InTx(ctx, func(ctx context.Context) error {
		a, err := s.coordinatedArea(ctx, who, id)
		if err != nil {
			return err
		}
		children, uses, err := s.store.AreaUses(ctx, id)
		if err != nil {
			return err
		}
		if err := CheckDeletable(children, uses); err != nil {
			return err
		}
		if err := s.store.DeleteArea(ctx, id); err != nil {
			return err
		}
		return s.logArea(ctx, who, "social_area.delete", a)
	})
}

// coordinatedArea loads an area the person may change: its district's coordinators and admins.
func (s *Service) coordinatedArea(ctx context.Context, who identity.Principal, id int64) (SocialArea, error) {
	a, err := s.store.Area(ctx, id)
	if err != nil {
		return a, err
	}
	return a, kernel.Allow(who.Anonymous(), access.CanCoordinate(who, a.DistrictKey))
}

// checkArea validates an area in its district: its own fields, its place and its parent.
func (s *Service) checkArea(ctx context.Context, a *SocialArea) error {
	if err := a.Validate(); err != nil {
		return err
	}
	d, err := s.districts.Get(ctx, a.DistrictKey)
	if err != nil {
		return err
	}
	if err := a.CheckDistrict(NewBoundary(d.Boundary)); err != nil || a.ParentID == 0 {
		return err
	}
	parent, err := s.store.Area(ctx, a.ParentID)
	if errors.Is(err, ErrAreaNotFound) {
		return fmt.Errorf("%w social area: parent %d does not exist", ErrInvalid, a.ParentID)
	} else if err != nil {
		return err
	}
	ancestors, err := s.store.Ancestors(ctx, parent.ID)
	if err != nil {
		return err
	}
	return a.CheckHierarchy(&parent, ancestors)
}

func (s *Service) logArea(ctx context.Context, who identity.Principal, action string, a SocialArea) error {
	return s.log(ctx, who, action, "social_area", strconv.FormatInt(a.ID, 10),
		map[string]any{"district_key": a.DistrictKey, "name": a.Name, "level": string(a.Level), "code": a.Code, "parent_id": a.ParentID})
}

// log writes the audit line of a change in the transaction of ctx, so both commit or neither.
func (s *Service) log(ctx context.Context, who identity.Principal, action, targetType, targetID string, details map[string]any) error {
	return s.audit.Append(ctx, audit.Entry{At: s.now().UTC(), ActorID: who.User.ID, Action: action, TargetType: targetType,
		TargetID: targetID, Details: details})
}
