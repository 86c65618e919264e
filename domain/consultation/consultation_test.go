package consultation_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/consultation"
	"github.com/teilhabe/teilhabe/domain/identity"
)

var now = time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)

func person(id int64, orgs ...identity.Organisation) identity.Principal {
	p := identity.Principal{User: identity.User{ID: id, Name: "P"}}
	for _, o := range orgs {
		p.Memberships = append(p.Memberships, identity.Membership{Organisation: o, Role: identity.MemberRoleMember})
	}
	return p
}

var (
	diakonie = identity.Organisation{Slug: "diakonie-erfurt", Kind: identity.OrgProvider}
	verein   = identity.Organisation{Slug: "verein", Kind: identity.OrgUmbrella}
)

func open(aud consultation.Audience, mod consultation.Moderation) *consultation.Consultation {
	return &consultation.Consultation{ID: 1, Title: "Plan", Audience: aud, Moderation: mod, InvitedOrgs: []string{"verein"},
		OpensAt: now.Add(-time.Hour), ClosesAt: now.Add(time.Hour), Sections: []consultation.Section{{ID: 10, Heading: "Ziele"}}}
}

func TestValidate(t *testing.T) {
	c := open(consultation.AudienceEveryone, consultation.PostModeration)
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	bad := map[string]func(*consultation.Consultation){
		"no title":           func(c *consultation.Consultation) { c.Title = " " },
		"closes first":       func(c *consultation.Consultation) { c.ClosesAt = c.OpensAt },
		"no sections":        func(c *consultation.Consultation) { c.Sections = nil },
		"empty heading":      func(c *consultation.Consultation) { c.Sections[0].Heading = "" },
		"unknown audience":   func(c *consultation.Consultation) { c.Audience = "aliens" },
		"nobody invited":     func(c *consultation.Consultation) { c.Audience, c.InvitedOrgs = consultation.AudienceInvited, nil },
		"unknown moderation": func(c *consultation.Consultation) { c.Moderation = "sometimes" },
	}
	for name, change := range bad {
		c := open(consultation.AudienceEveryone, consultation.PostModeration)
		change(c)
		if err := c.Validate(); !errors.Is(err, consultation.ErrInvalid) {
			t.Errorf("%s accepted: %v", name, err)
		}
	}
}

func TestWindowAndAudience(t *testing.T) {
	resident, traeger, member := person(1), person(2, diakonie), person(3, verein)
	cases := []struct {
		aud  consultation.Audience
		who  identity.Principal
		want error
	}{
		{consultation.AudienceEveryone, resident, nil},
		{consultation.AudienceEveryone, identity.Principal{}, consultation.ErrNotInAudience},
		{consultation.AudienceProviders, resident, consultation.ErrNotInAudience},
		{consultation.AudienceProviders, traeger, nil},
		{consultation.AudienceProviders, member, consultation.ErrNotInAudience},
		{consultation.AudienceInvited, member, nil},
		{consultation.AudienceInvited, traeger, consultation.ErrNotInAudience},
	}
	for _, c := range cases {
		if err := open(c.aud, consultation.PostModeration).CanComment(c.who, now); !errors.Is(err, c.want) && !(err == nil && c.want == nil) {
			t.Errorf("%s, user %d: %v, want %v", c.aud, c.who.User.ID, err, c.want)
		}
	}
	closed := open(consultation.AudienceEveryone, consultation.PostModeration)
	closed.ClosesAt = now
	if err := closed.CanComment(resident, now); !errors.Is(err, consultation.ErrClosed) {
		t.Errorf("closed at its end: %v", err)
	}
}

func TestCommentLifecycle(t *testing.T) {
	author, other := person(1), person(2)
	post := open(consultation.AudienceEveryone, consultation.PostModeration)
	cm, err := consultation.NewComment(post, author, 10, nil, "  Mehr Spielplätze!  ", now)
	if err != nil || cm.Status != consultation.StatusPublished || cm.Body != "Mehr Spielplätze!" || cm.SectionID != 10 {
		t.Fatalf("post-moderated comment = %+v, %v", cm, err)
	}
	pre, _ := consultation.NewComment(open(consultation.AudienceEveryone, consultation.PreModeration), author, 0, nil, "x", now)
	if pre.Status != consultation.StatusPending {
		t.Errorf("pre-moderated comment is %s", pre.Status)
	}
	if _, err := consultation.NewComment(post, author, 99, nil, "x", now); !errors.Is(err, consultation.ErrInvalid) {
		t.Errorf("unknown section: %v", err)
	}
	for _, body := range []string{"", "   ", strings.Repeat("ä", consultation.MaxCommentRunes+1)} {
		if _, err := consultation.NewComment(post, author, 0, nil, body, now); !errors.Is(err, consultation.ErrInvalid) {
			t.Errorf("body of %d runes accepted", len([]rune(body)))
		}
	}
	cm.ID = 5
	reply, err := consultation.NewComment(post, other, 0, &cm, "Ja!", now)
	if err != nil || reply.ParentID != 5 || reply.SectionID != 10 {
		t.Errorf("reply = %+v, %v", reply, err)
	}
	if _, err := consultation.NewComment(post, other, 0, &pre, "x", now); !errors.Is(err, consultation.ErrInvalid) {
		t.Errorf("reply to a pending comment: %v", err)
	}

	if err := cm.Edit(other, "fremd", now); !errors.Is(err, consultation.ErrNotAuthor) {
		t.Errorf("edit by another: %v", err)
	}
	if err := cm.Edit(author, "besser", now.Add(14*time.Minute)); err != nil || cm.Body != "besser" {
		t.Errorf("edit in the window: %v", err)
	}
	if err := cm.Edit(author, "zu spät", now.Add(16*time.Minute)); !errors.Is(err, consultation.ErrEditWindow) {
		t.Errorf("edit after the window: %v", err)
	}
	if err := cm.CheckSupport(author); !errors.Is(err, consultation.ErrOwnComment) {
		t.Errorf("own support: %v", err)
	}
	if err := cm.CheckSupport(other); err != nil {
		t.Errorf("support: %v", err)
	}
	if err := cm.Moderate(consultation.ActionReject, ""); !errors.Is(err, consultation.ErrInvalid) {
		t.Errorf("reject without reason: %v", err)
	}
	if err := cm.Moderate(consultation.ActionPin, ""); err != nil || !cm.Pinned {
		t.Errorf("pin: %v", err)
	}
	if err := cm.Moderate(consultation.ActionHide, "Beleidigung"); err != nil || cm.Status != consultation.StatusHidden || cm.Pinned || cm.Reason != "Beleidigung" {
		t.Errorf("hide: %v %+v", err, cm)
	}
	if cm.VisibleTo(other, false) || !cm.VisibleTo(author, false) || !cm.VisibleTo(other, true) {
		t.Error("hidden comment visibility")
	}
	if err := cm.Moderate(consultation.ActionApprove, ""); err != nil || !cm.Public() {
		t.Errorf("approve again: %v", err)
	}
	if err := cm.Withdraw(other); !errors.Is(err, consultation.ErrNotAuthor) {
		t.Errorf("withdraw by another: %v", err)
	}
	if err := cm.Withdraw(author); err != nil || cm.Status != consultation.StatusWithdrawn || !cm.VisibleTo(identity.Principal{}, false) {
		t.Errorf("withdraw: %v %+v", err, cm)
	}
	if err := cm.Edit(author, "wieder da", now); err == nil {
		t.Error("a withdrawn comment was edited")
	}
	if _, err := consultation.CheckFlagReason(" "); !errors.Is(err, consultation.ErrInvalid) {
		t.Error("flag without reason")
	}
}
