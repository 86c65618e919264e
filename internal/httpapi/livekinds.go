package httpapi

import (
	"context"
	"errors"
	"strconv"

	"github.com/teilhabe/teilhabe/domain/access"
	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
	"github.com/teilhabe/teilhabe/domain/needs"
	"github.com/teilhabe/teilhabe/domain/workshop"
	"github.com/teilhabe/teilhabe/internal/realtime"
)

// registerLiveKinds registers the room kinds whose access rules live in this layer, with the
// same readability checks as their HTTP endpoints, so a live view never shows what a reload
// would not.
func (h *handlers) registerLiveKinds() {
	if h.live == nil {
		return
	}
	h.live.RegisterKind(consultation.RoomPrefix, h.consultationAudiences)
	h.live.RegisterKind(needs.RoomPrefix, h.needsAudiences)
	if h.workshops != nil {
		h.live.RegisterKind(workshop.RoomPrefix, h.workshopAudiences)
	}
}

// workshopAudiences: whoever may read the workshop (its process's readers, its participants,
// guests by their cookie, the projector by its key) follows its room; facilitators also hear the
// facilitators' and the projector's events, the projector the projector's, a participant their
// own (user:<id> or guest:<id>).
func (h *handlers) workshopAudiences(ctx context.Context, who identity.Principal, id string) ([]string, error) {
	wid, err := strconv.ParseInt(id, 10, 64)
	if err != nil || wid < 1 || strconv.FormatInt(wid, 10) != id {
		return nil, realtime.ErrInvalidRoom
	}
	c := callerOfCredential(workshop.Caller{Who: who}, realtime.CredentialFrom(ctx))
	auds, err := h.workshops.Audiences(ctx, c, wid)
	if kernel.KindOf(err) == kernel.KindNotFound {
		return nil, realtime.ErrNoAccess
	}
	if err != nil {
		return nil, err
	}
	return append(realtime.PersonalAudiences(who), auds...), nil
}

// consultationAudiences: whoever may read the consultation follows its room; the district's
// coordinators and the admins also hear the moderators' events (such as comments awaiting
// review).
func (h *handlers) consultationAudiences(ctx context.Context, who identity.Principal, id string) ([]string, error) {
	cid, err := strconv.ParseInt(id, 10, 64)
	if err != nil || cid < 1 || strconv.FormatInt(cid, 10) != id {
		return nil, realtime.ErrInvalidRoom
	}
	c, err := h.readableConsultation(ctx, who, cid)
	if errors.Is(err, consultation.ErrNotFound) {
		return nil, realtime.ErrNoAccess
	}
	if err != nil {
		return nil, err
	}
	auds := realtime.PersonalAudiences(who)
	if access.CanCoordinate(who, c.DistrictKey) {
		auds = append(auds, realtime.Moderators)
	}
	return auds, nil
}
