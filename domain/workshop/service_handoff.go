package workshop

import (
	"context"
	"strconv"
	"strings"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// Planning is where the workshop context hands its results on to: the consultation and needs
// contexts, each applying its own rules (a consultation's window, audience and moderation; the
// weighing table's coordinators; a call's deadline and invitations). Called inside the hand-off's
// transaction, each takes part in it.
type Planning interface {
	// Comment posts text as the person in the consultation, which must be one of the process;
	// it returns the comment's id.
	Comment(ctx context.Context, who identity.Principal, processID, consultationID int64, text string) (int64, error)
	// Weigh puts text into the process's weighing table as a workshop's result from source (the
	// workshop's title); it returns the item's id.
	Weigh(ctx context.Context, who identity.Principal, processID int64, text string, areaIDs []int64, source string) (int64, error)
	// CheckOffer checks that the call is an open call of the process that the organisation, a
	// provider, may draft in.
	CheckOffer(ctx context.Context, who identity.Principal, processID, callID int64, org string) error
	// Draft makes a draft needs assessment of the organisation in the call as the person, one of
	// its members; it returns the assessment's id.
	Draft(ctx context.Context, who identity.Principal, callID int64, org, title, text string, areaIDs []int64) (int64, error)
}

// The statuses of a hand-off.
const (
	HandoffDone     = "done"
	HandoffOffered  = "offered"
	HandoffDeclined = "declined"
)

// HandoffRequest is a facilitator's hand-off of a question, card or theme ("question:12").
type HandoffRequest struct {
	Subject        string
	Target         HandoffTarget
	ConsultationID int64  // ToComment
	Org            string // ToNeeds
	CallID         int64  // ToNeeds
}

// HandOff turns a public question, a visible card or a theme (its title with its visible cards)
// into a consultation comment or a row of the weighing table of the workshop's process, or
// offers it to a provider organisation as a draft needs assessment, which the organisation
// accepts or declines (AnswerOffer). The text starts with a line back to the workshop; the
// hand-off keeps the link. A subject goes to a target (for an offer: to an organisation) once.
func (s *Service) HandOff(ctx context.Context, who identity.Principal, id int64, in HandoffRequest) (Handoff, error) {
	var out Handoff
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		w, err := s.facilitated(ctx, who, id)
		if err != nil {
			return err
		}
		text, err := s.subjectText(ctx, w, in.Subject)
		if err != nil {
			return err
		}
		h := Handoff{WorkshopID: id, Subject: in.Subject, Target: in.Target, Summary: LinkBack(w) + "\n\n" + text, Status: HandoffDone,
			CreatedBy: who.User.ID, CreatedAt: s.now().UTC()}
		switch in.Target {
		case ToComment:
			if in.ConsultationID <= 0 {
				return invalid("consultation_id: required for a comment")
			}
		case ToNeeds:
			if in.Org == "" || in.CallID <= 0 {
				return invalid("org, call_id: required for a needs assessment")
			}
			h.Org, h.CallID, h.Status = in.Org, in.CallID, HandoffOffered
		case ToWeighing:
		default:
			return invalid("target: comment, weighing or needs")
		}
		// The unique index decides first, so a second hand-off costs the target nothing.
		if h, err = s.store.InsertHandoff(ctx, h); err != nil {
			return err
		}
		switch in.Target {
		case ToComment:
			h.TargetID, err = s.planning.Comment(ctx, who, w.ProcessID, in.ConsultationID, h.Summary)
		case ToWeighing:
			h.TargetID, err = s.planning.Weigh(ctx, who, w.ProcessID, h.Summary, w.AreaIDs, w.Title)
		case ToNeeds:
			err = s.planning.CheckOffer(ctx, who, w.ProcessID, in.CallID, in.Org)
		}
		if err != nil {
			return err
		}
		if err := s.store.SaveHandoff(ctx, h); err != nil {
			return err
		}
		out = h
		return s.log(ctx, who, "workshop.handoff", id, map[string]any{"subject": h.Subject, "target": string(h.Target), "target_id": h.TargetID,
			"org": h.Org, "handoff_id": h.ID})
	})
	return out, err
}

// Handoffs lists what was handed on from the workshop (facilitators).
func (s *Service) Handoffs(ctx context.Context, who identity.Principal, id int64) ([]Handoff, error) {
	if _, err := s.facilitated(ctx, who, id); err != nil {
		return nil, err
	}
	return s.store.Handoffs(ctx, id)
}

// Offers lists the results offered to the person's organisations and not answered yet.
func (s *Service) Offers(ctx context.Context, who identity.Principal) ([]Handoff, error) {
	if who.Anonymous() {
		return nil, kernel.ErrLoginRequired
	}
	out := []Handoff{}
	for _, m := range who.Memberships {
		hs, err := s.store.OfferedTo(ctx, m.Organisation.Slug)
		if err != nil {
			return nil, err
		}
		out = append(out, hs...)
	}
	return out, nil
}

// AnswerOffer is a member's answer to an offer to their organisation: accepting makes a draft
// needs assessment of the organisation in the offered call with the text handed on (the
// organisation's consent); declining closes the offer. For anyone else the offer does not exist.
func (s *Service) AnswerOffer(ctx context.Context, who identity.Principal, handoffID int64, accept bool) (Handoff, error) {
	if who.Anonymous() {
		return Handoff{}, kernel.ErrLoginRequired
	}
	var out Handoff
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		h, err := s.store.Handoff(ctx, handoffID)
		if err != nil {
			return err
		}
		if _, ok := who.MemberRole(h.Org); h.Target != ToNeeds || h.Org == "" || !ok {
			return ErrHandoffNotFound
		}
		if h.Status != HandoffOffered {
			return ErrHandoffAnswered
		}
		h.Status = HandoffDeclined
		if accept {
			w, err := s.store.Workshop(ctx, h.WorkshopID)
			if err != nil {
				return err
			}
			if h.TargetID, err = s.planning.Draft(ctx, who, h.CallID, h.Org, HandoffTitle(h.Summary), h.Summary, w.AreaIDs); err != nil {
				return err
			}
			h.Status = HandoffDone
		}
		if err := s.store.SaveHandoff(ctx, h); err != nil {
			return err
		}
		out = h
		return s.log(ctx, who, "workshop.handoff_"+map[bool]string{true: "accept", false: "decline"}[accept], h.WorkshopID,
			map[string]any{"handoff_id": h.ID, "org": h.Org, "target_id": h.TargetID})
	})
	return out, err
}

// subjectText is the text of what is handed on: a public question (with its written answer), a
// visible card, or a theme's title with its visible cards as a list. Anything else, or anything
// of another workshop, does not exist.
func (s *Service) subjectText(ctx context.Context, w Workshop, subject string) (string, error) {
	kind, raw, _ := strings.Cut(subject, ":")
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 {
		return "", invalid("subject: question:<id>, card:<id> or theme:<id>")
	}
	switch kind {
	case "question":
		q, err := s.store.Question(ctx, id)
		if err != nil || q.WorkshopID != w.ID || !q.Public() {
			return "", ErrQuestionNotFound
		}
		if a := strings.TrimSpace(q.Answer); a != "" {
			return q.Text + "\n\nAntwort: " + a, nil
		}
		return q.Text, nil
	case "card":
		c, err := s.store.Card(ctx, id)
		if err != nil || c.WorkshopID != w.ID || c.State != CardVisible {
			return "", ErrCardNotFound
		}
		return c.Text, nil
	case "theme":
		t, err := s.store.Theme(ctx, id)
		if err != nil {
			return "", ErrThemeNotFound
		}
		m, err := s.store.Module(ctx, t.ModuleID)
		if err != nil || m.WorkshopID != w.ID {
			return "", ErrThemeNotFound
		}
		cards, err := s.store.Cards(ctx, m.ID)
		if err != nil {
			return "", err
		}
		return ThemeText(t, cards), nil
	}
	return "", invalid("subject: question:<id>, card:<id> or theme:<id>")
}
