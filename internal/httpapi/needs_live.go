package httpapi

import (
	"context"
	"errors"
	"slices"
	"strconv"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/needs"
	"github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/internal/realtime"
)

// needsAudiences guards a process's needs room "needs:<process id>". Its events say only that
// something changed (ids and states), and each goes to the audience that may read it: the
// district's coordinators hear the moderators' events, a provider organisation's members its
// org:<slug> events, a reviewer their user:<id> events. Anonymous people and anyone else who
// does not work on the process's needs are refused.
func (h *handlers) needsAudiences(ctx context.Context, who identity.Principal, id string) ([]string, error) {
	pid, err := strconv.ParseInt(id, 10, 64)
	if err != nil || pid < 1 || strconv.FormatInt(pid, 10) != id {
		return nil, realtime.ErrInvalidRoom
	}
	if who.Anonymous() {
		return nil, realtime.ErrNoAccess
	}
	p, err := h.plan.ReadableProcess(ctx, who, pid)
	if errors.Is(err, planning.ErrProcessNotFound) {
		return nil, realtime.ErrNoAccess
	}
	if err != nil {
		return nil, err
	}
	auds := realtime.PersonalAudiences(who)
	switch {
	case needs.Coordinates(who, p.DistrictKey):
		return append(auds, realtime.Moderators), nil
	case slices.ContainsFunc(who.Memberships, func(m identity.Membership) bool { return m.Organisation.Kind == identity.OrgProvider }):
		return auds, nil
	}
	reviews, err := h.reviewsIn(ctx, who, pid)
	if err != nil {
		return nil, err
	}
	if !reviews {
		return nil, realtime.ErrNoAccess
	}
	return auds, nil
}

// reviewsIn reports whether the person reviews a submission of one of the process's calls.
func (h *handlers) reviewsIn(ctx context.Context, who identity.Principal, processID int64) (bool, error) {
	calls, err := h.needs.Calls(ctx, who, processID)
	if err != nil {
		return false, err
	}
	for _, c := range calls {
		rows, _, err := h.needs.Submissions(ctx, who, c.ID, needs.AssessmentQuery{Limit: 1})
		if err != nil {
			return false, err
		}
		if len(rows) > 0 {
			return true, nil
		}
	}
	return false, nil
}
