package consultation

import (
	"context"
	"fmt"
	"strconv"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// PostComment is what a person sends to comment.
type PostComment struct {
	ConsultationID int64
	SectionID      int64 // 0: the whole plan
	ParentID       int64 // 0: not a reply
	Body           string
}

// PostComment adds a person's comment: one read of the consultation, then the comment and its
// live event in one transaction.
func (s *Service) PostComment(ctx context.Context, who identity.Principal, cmd PostComment) (View, error) {
	if who.Anonymous() {
		return View{}, fmt.Errorf("%w Log in to take part.", kernel.ErrLoginRequired)
	}
	c, err := s.readableHead(ctx, who, cmd.ConsultationID)
	if err != nil {
		return View{}, err
	}
	now := s.now()
	if err := c.CanComment(who, now); err != nil {
		return View{}, err
	}
	var parent *Comment
	if cmd.ParentID != 0 {
		pc, err := s.store.Comment(ctx, cmd.ParentID)
		if err != nil {
			return View{}, err
		}
		parent = &pc
	}
	cm, err := NewComment(&c, who, cmd.SectionID, parent, cmd.Body, now)
	if err != nil {
		return View{}, err
	}
	if s.limiter != nil {
		if wait, ok := s.limiter.Allow(who.User.ID); !ok {
			return View{}, kernel.Limited(ErrPostingTooFast, wait)
		}
	}
	cm.HTML = s.render(cm.Body)
	// One store call, atomic by itself: the comment and its events commit together.
	cm, err = s.store.InsertComment(ctx, cm, func(cm Comment) []kernel.Event { return changeEvents(Comment{}, cm) })
	if err != nil {
		return View{}, err
	}
	return ViewFor(&c, cm, who, now), nil
}

// changeEvents are the live events of a comment going from before to after (a zero before: new).
// Everyone sees public comments appear, change and go; moderators see the queue change.
func changeEvents(before, after Comment) []kernel.Event {
	room, subject := Room(after.ConsultationID), commentSubject(after.ID)
	var out []kernel.Event
	switch {
	case before.ID != 0 && before.Public() && !after.Public():
		out = append(out, kernel.Event{Room: room, Type: EventCommentRemoved, Data: RemovedView(after.ID), Subject: subject, Supersede: kernel.Replace})
	case after.Public() && (before.ID == 0 || !before.Public()):
		out = append(out, kernel.Event{Room: room, Type: EventCommentCreated, Data: after.PublicView(), Subject: subject, Supersede: kernel.Rewrite})
	case after.Public():
		out = append(out, kernel.Event{Room: room, Type: EventCommentUpdated, Data: after.PublicView(), Subject: subject, Supersede: kernel.Rewrite})
	}
	switch {
	case after.Queued():
		out = append(out, kernel.Event{Room: room, Audience: kernel.AudienceModerators, Type: EventCommentQueued, Data: after.ModeratorView(), Subject: subject, Supersede: kernel.Rewrite})
	case before.Queued():
		out = append(out, kernel.Event{Room: room, Audience: kernel.AudienceModerators, Type: EventCommentDequeued, Data: RemovedView(after.ID), Subject: subject, Supersede: kernel.Replace})
	}
	return out
}

// toggle takes a token of the person's support and flag limit.
func (s *Service) toggle(who identity.Principal) error {
	if s.toggles == nil {
		return nil
	}
	if wait, ok := s.toggles.Allow(who.User.ID); !ok {
		return kernel.Limited(ErrTogglingTooFast, wait)
	}
	return nil
}

// commentSubject names a comment as the subject of live events: its later events supersede the
// earlier ones in the stored log.
func commentSubject(id int64) string { return "comment:" + strconv.FormatInt(id, 10) }

// Queued reports whether the comment waits in the moderation queue: pending, or flagged since
// the last decision.
func (cm *Comment) Queued() bool {
	return cm.Status == StatusPending || (cm.FlagsOpen && cm.Status == StatusPublished)
}

// visible loads a comment the person may see, with its consultation.
func (s *Service) visible(ctx context.Context, who identity.Principal, id int64) (Comment, Consultation, error) {
	cm, err := s.store.Comment(ctx, id)
	if err != nil {
		return cm, Consultation{}, err
	}
	c, err := s.readableHead(ctx, who, cm.ConsultationID)
	if err != nil {
		return cm, c, err
	}
	if !cm.VisibleTo(who, c.ModeratedBy(who)) {
		return cm, c, ErrCommentNotFound
	}
	return cm, c, nil
}

// change runs fn on a comment the person may see, inside one transaction, and stores the
// result with its live events.
func (s *Service) change(ctx context.Context, who identity.Principal, id int64, fn func(ctx context.Context, c *Consultation, cm *Comment) error) (View, error) {
	if who.Anonymous() {
		return View{}, kernel.ErrLoginRequired
	}
	var out Comment
	var c Consultation
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		before, cons, err := s.visible(ctx, who, id)
		if err != nil {
			return err
		}
		c, out = cons, before
		if err := fn(ctx, &c, &out); err != nil {
			return err
		}
		if err := s.store.SaveComment(ctx, out); err != nil {
			return err
		}
		return s.outbox.Emit(ctx, changeEvents(before, out)...)
	})
	if err != nil {
		return View{}, err
	}
	return s.view(ctx, &c, out, who)
}

// EditComment changes the text of one's own comment within the edit window.
func (s *Service) EditComment(ctx context.Context, who identity.Principal, id int64, body string) (View, error) {
	now := s.now()
	return s.change(ctx, who, id, func(_ context.Context, c *Consultation, cm *Comment) error {
		if err := c.checkOpen(now); err != nil {
			return err
		}
		if err := cm.Edit(who, body, now); err != nil {
			return err
		}
		cm.HTML = s.render(cm.Body)
		return nil
	})
}

// WithdrawComment takes one's own comment back while the consultation is open; replies stay.
func (s *Service) WithdrawComment(ctx context.Context, who identity.Principal, id int64) (View, error) {
	now := s.now()
	return s.change(ctx, who, id, func(_ context.Context, c *Consultation, cm *Comment) error {
		if err := c.checkOpen(now); err != nil {
			return err
		}
		return cm.Withdraw(who)
	})
}

// Support adds (on) or takes back the person's support of a published comment; ErrAlreadyDone
// when nothing changes, also for concurrent requests.
func (s *Service) Support(ctx context.Context, who identity.Principal, id int64, on bool) (View, error) {
	if who.Anonymous() {
		return View{}, kernel.ErrLoginRequired
	}
	cm, c, err := s.visible(ctx, who, id)
	if err != nil {
		return View{}, err
	}
	// Supporting is taking part: only while open and for the audience.
	if err := c.CanComment(who, s.now()); err != nil {
		return View{}, err
	}
	if err := s.toggle(who); err != nil {
		return View{}, err
	}
	if on {
		if err := cm.CheckSupport(who); err != nil {
			return View{}, err
		}
	}
	err = s.tx.InTx(ctx, func(ctx context.Context) error {
		var err error
		if on {
			cm.Supports, err = s.store.AddSupport(ctx, who.User.ID, id)
		} else {
			cm.Supports, err = s.store.RemoveSupport(ctx, who.User.ID, id)
		}
		if err != nil {
			return err
		}
		return s.outbox.Emit(ctx, kernel.Event{Room: Room(cm.ConsultationID), Type: EventSupportsChanged, Data: SupportsView(id, cm.Supports),
			Subject: commentSubject(id) + "/supports", Supersede: kernel.Replace})
	})
	if err != nil {
		return View{}, err
	}
	return s.view(ctx, &c, cm, who)
}

// Flag records the person's flag of a comment, once, and puts it in the moderation queue.
func (s *Service) Flag(ctx context.Context, who identity.Principal, id int64, reason string) error {
	if who.Anonymous() {
		return kernel.ErrLoginRequired
	}
	cm, c, err := s.visible(ctx, who, id)
	if err != nil {
		return err
	}
	if reason, err = CheckFlagReason(reason); err != nil {
		return err
	}
	if err := c.checkOpen(s.now()); err != nil {
		return err
	}
	if err := s.toggle(who); err != nil {
		return err
	}
	return s.tx.InTx(ctx, func(ctx context.Context) error {
		var err error
		if cm.Flags, err = s.store.AddFlag(ctx, who.User.ID, id, reason); err != nil {
			return err
		}
		cm.FlagsOpen = true
		return s.outbox.Emit(ctx, kernel.Event{Room: Room(cm.ConsultationID), Audience: kernel.AudienceModerators, Type: EventCommentQueued, Data: cm.ModeratorView(),
			Subject: commentSubject(id), Supersede: kernel.Rewrite})
	})
}
