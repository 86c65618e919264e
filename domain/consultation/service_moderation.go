package consultation

import (
	"context"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// Comments lists a page of a consultation's comments as the person sees them.
func (s *Service) Comments(ctx context.Context, who identity.Principal, q CommentQuery) ([]View, string, error) {
	c, err := s.readableHead(ctx, who, q.ConsultationID)
	if err != nil {
		return nil, "", err
	}
	q.ViewerID, q.Moderator = who.User.ID, c.ModeratedBy(who)
	if q.Limit <= 0 {
		q.Limit = 20
	}
	cms, next, err := s.store.Comments(ctx, q)
	if err != nil {
		return nil, "", err
	}
	views, err := s.views(ctx, &c, cms, who)
	return views, next, err
}

// view is views for one comment, so an action's answer is as complete as the list's.
func (s *Service) view(ctx context.Context, c *Consultation, cm Comment, who identity.Principal) (View, error) {
	out, err := s.views(ctx, c, []Comment{cm}, who)
	if err != nil {
		return View{}, err
	}
	return out[0], nil
}

// views adds what the person needs around each comment: what they may do, whether they support
// it, how many replies they can see, and the official response.
func (s *Service) views(ctx context.Context, c *Consultation, cms []Comment, who identity.Principal) ([]View, error) {
	ids := make([]int64, len(cms))
	for i, cm := range cms {
		ids[i] = cm.ID
	}
	around, err := s.store.Around(ctx, ids, who.User.ID, c.ModeratedBy(who))
	if err != nil {
		return nil, err
	}
	now := s.now()
	out := make([]View, len(cms))
	for i, cm := range cms {
		out[i] = ViewFor(c, cm, who, now)
		a := around[cm.ID]
		out[i].Supported, out[i].Replies, out[i].Response = a.Supported, a.Replies, a.Response
	}
	return out, nil
}

// Moderate applies a moderator's decision to a comment and records it in the public log.
func (s *Service) Moderate(ctx context.Context, who identity.Principal, id int64, action Action, reason string) (View, error) {
	return s.change(ctx, who, id, func(ctx context.Context, c *Consultation, cm *Comment) error {
		if !c.ModeratedBy(who) {
			return kernel.ErrForbidden
		}
		if err := cm.Moderate(action, reason); err != nil {
			return err
		}
		d, err := s.store.AddDecision(ctx, c.ID, who.User.ID, Decision{CommentID: id, Action: action, Reason: cm.Reason, At: s.now().UTC()})
		if err != nil {
			return err
		}
		if err := s.log(ctx, who, "comment."+string(action), id, map[string]any{"reason": cm.Reason}); err != nil {
			return err
		}
		return s.outbox.Emit(ctx, kernel.Event{Room: Room(c.ID), Type: EventModeration, Data: DecisionView(d), Supersede: kernel.Standalone})
	})
}

// Respond gives or replaces the administration's official response to a comment.
func (s *Service) Respond(ctx context.Context, who identity.Principal, id int64, body string) (Response, error) {
	body, err := CheckBody(body)
	if err != nil {
		return Response{}, err
	}
	var out Response
	err = s.tx.InTx(ctx, func(ctx context.Context) error {
		cm, c, err := s.visible(ctx, who, id)
		if err != nil {
			return err
		}
		if err := kernel.Allow(who.Anonymous(), c.ModeratedBy(who)); err != nil {
			return err
		}
		now := s.now().UTC()
		if out, err = s.store.SaveResponse(ctx, Response{CommentID: id, AuthorID: who.User.ID, Body: body, HTML: s.render(body), CreatedAt: now, UpdatedAt: now}); err != nil {
			return err
		}
		if err := s.log(ctx, who, "comment.respond", id, nil); err != nil {
			return err
		}
		if !cm.Public() {
			return nil
		}
		return s.outbox.Emit(ctx, kernel.Event{Room: Room(c.ID), Type: EventResponse, Data: ResponseView(out),
			Subject: commentSubject(id) + "/response", Supersede: kernel.Rewrite})
	})
	return out, err
}

// Queue lists the comments waiting for a moderator: pending and flagged ones, oldest first.
func (s *Service) Queue(ctx context.Context, who identity.Principal, consultationID int64) ([]View, error) {
	c, err := s.Moderated(ctx, who, consultationID)
	if err != nil {
		return nil, err
	}
	cms, err := s.store.Queue(ctx, c.ID, 200)
	if err != nil {
		return nil, err
	}
	return s.views(ctx, &c, cms, who)
}

// ModerationLog is the public log of moderation decisions, newest first.
func (s *Service) ModerationLog(ctx context.Context, who identity.Principal, consultationID, before int64, limit int) ([]Decision, error) {
	c, err := s.Readable(ctx, who, consultationID)
	if err != nil {
		return nil, err
	}
	return s.store.ModerationLog(ctx, c.ID, before, limit)
}

// Export calls fn for every comment of a consultation the person moderates.
func (s *Service) Export(ctx context.Context, who identity.Principal, consultationID int64, fn func(ExportRow) error) (Consultation, error) {
	c, err := s.Moderated(ctx, who, consultationID)
	if err != nil {
		return c, err
	}
	return c, s.store.Export(ctx, c.ID, fn)
}
