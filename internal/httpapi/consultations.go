package httpapi

import (
	"context"
	"time"

	"github.com/teilhabe/teilhabe/api"
	"github.com/teilhabe/teilhabe/domain/access"
	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/internal/markdown"
)

// readableConsultation loads a consultation the principal may read.
func (h *handlers) readableConsultation(ctx context.Context, p identity.Principal, id int64) (consultation.Consultation, error) {
	return h.cons.Readable(ctx, p, id)
}

func (h *handlers) consultationOut(ctx context.Context, c consultation.Consultation, p identity.Principal) (api.Consultation, error) {
	now := h.now()
	state := api.Open
	switch {
	case now.Before(c.OpensAt):
		state = api.Upcoming
	case !c.Open(now):
		state = api.Closed
	}
	out := api.Consultation{Id: c.ID, ProcessId: c.ProcessID, DistrictKey: c.DistrictKey, Title: c.Title, Intro: c.Intro,
		IntroHtml: markdown.Document(c.Intro), Audience: api.ConsultationAudience(c.Audience), InvitedOrganisations: c.InvitedOrgs,
		Moderation: api.ConsultationModeration(c.Moderation), OpensAt: c.OpensAt, ClosesAt: c.ClosesAt, State: state,
		SocialAreaIds: c.AreaIDs, Sections: make([]api.Section, len(c.Sections)), CanComment: c.CanComment(p, now) == nil,
		CanModerate: access.CanCoordinate(p, c.DistrictKey), Room: consultation.Room(c.ID)}
	out.LiveCommentActions = liveCommentActions(&c, p, now)
	for i, s := range c.Sections {
		out.Sections[i] = api.Section{Id: s.ID, Heading: s.Heading, Body: s.Body, Html: markdown.Document(s.Body)}
	}
	if h.live != nil {
		seq, err := h.live.LastSeq(ctx, out.Room)
		if err != nil {
			return out, err
		}
		out.LiveSeq = &seq
	}
	return out, nil
}

func consultationIn(in api.ConsultationInput) consultation.Consultation {
	c := consultation.Consultation{Title: in.Title, Audience: consultation.Audience(in.Audience), Moderation: consultation.Moderation(in.Moderation),
		OpensAt: in.OpensAt.UTC(), ClosesAt: in.ClosesAt.UTC()}
	set(&c.Intro, in.Intro)
	set(&c.InvitedOrgs, in.InvitedOrganisations)
	set(&c.AreaIDs, in.SocialAreaIds)
	for _, s := range in.Sections {
		sec := consultation.Section{Heading: s.Heading}
		set(&sec.ID, s.Id)
		set(&sec.Body, s.Body)
		c.Sections = append(c.Sections, sec)
	}
	return c
}

// ListConsultations implements api.StrictServerInterface.
func (h *handlers) ListConsultations(ctx context.Context, req api.ListConsultationsRequestObject) (api.ListConsultationsResponseObject, error) {
	p := principalFrom(ctx)
	if _, err := h.plan.ReadableProcess(ctx, p, req.ProcessId); err != nil {
		return nil, err
	}
	cs, err := h.cons.ByProcess(ctx, req.ProcessId)
	if err != nil {
		return nil, err
	}
	items := make([]api.Consultation, len(cs))
	for i, c := range cs {
		if items[i], err = h.consultationOut(ctx, c, p); err != nil {
			return nil, err
		}
	}
	return api.ListConsultations200JSONResponse{Items: items}, nil
}

// CreateConsultation implements api.StrictServerInterface.
func (h *handlers) CreateConsultation(ctx context.Context, req api.CreateConsultationRequestObject) (api.CreateConsultationResponseObject, error) {
	p := principalFrom(ctx)
	if _, err := h.plan.ChangeableProcess(ctx, p, req.ProcessId); err != nil {
		return nil, err
	}
	c := consultationIn(*req.Body)
	c.ProcessID = req.ProcessId
	c, err := h.cons.Create(ctx, p, c)
	if err != nil {
		return nil, err
	}
	out, err := h.consultationOut(ctx, c, p)
	return api.CreateConsultation201JSONResponse(out), err
}

// GetConsultation implements api.StrictServerInterface.
func (h *handlers) GetConsultation(ctx context.Context, req api.GetConsultationRequestObject) (api.GetConsultationResponseObject, error) {
	p := principalFrom(ctx)
	c, err := h.readableConsultation(ctx, p, req.ConsultationId)
	if err != nil {
		return nil, err
	}
	out, err := h.consultationOut(ctx, c, p)
	if err != nil {
		return nil, err
	}
	// After live_seq was read: the page shows at least what the room held then.
	page, err := h.commentPage(ctx, p, consultation.CommentQuery{ConsultationID: c.ID})
	if err != nil {
		return nil, err
	}
	out.FirstPage = &page
	return api.GetConsultation200JSONResponse(out), nil
}

// UpdateConsultation implements api.StrictServerInterface.
func (h *handlers) UpdateConsultation(ctx context.Context, req api.UpdateConsultationRequestObject) (api.UpdateConsultationResponseObject, error) {
	p := principalFrom(ctx)
	c, err := h.cons.Update(ctx, p, req.ConsultationId, consultationIn(*req.Body))
	if err != nil {
		return nil, err
	}
	out, err := h.consultationOut(ctx, c, p)
	return api.UpdateConsultation200JSONResponse(out), err
}

// liveCommentActions are the person's actions on someone else's public comment, by status, for
// comments that arrive live without them.
func liveCommentActions(c *consultation.Consultation, p identity.Principal, now time.Time) *api.LiveCommentActions {
	out := &api.LiveCommentActions{}
	for _, st := range []consultation.Status{consultation.StatusPublished, consultation.StatusWithdrawn} {
		v := consultation.ViewFor(c, consultation.Comment{ConsultationID: c.ID, AuthorID: -1, Status: st, CreatedAt: now}, p, now)
		acts := make([]api.CommentAction, len(v.Capabilities))
		for i, a := range v.Capabilities {
			acts[i] = api.CommentAction(a)
		}
		if st == consultation.StatusPublished {
			out.Published = acts
		} else {
			out.Withdrawn = acts
		}
	}
	return out
}
