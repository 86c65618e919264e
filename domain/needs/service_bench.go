package needs

import (
	"context"
	"slices"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// BenchRow is a submission on the coordinators' workbench, with the state of its reviews.
type BenchRow struct {
	Assessment
	Assigned     int  // reviewers assigned
	Reviewed     int  // of them, those who gave a recommendation
	Disagreement bool // the recommendations differ
	Reviewers    []Review
}

// Progress summarises reviews: how many are assigned, how many reviewed, whether they differ.
func Progress(rs []Review) (assigned, reviewed int, disagree bool) {
	var seen []Weighing
	for _, r := range rs {
		assigned++
		if r.Recommendation != "" {
			reviewed++
			if !slices.Contains(seen, r.Recommendation) {
				seen = append(seen, r.Recommendation)
			}
		}
	}
	return assigned, reviewed, len(seen) > 1
}

// Submissions lists a page of a call's submissions for the workbench: all of them for the
// district's coordinators, the assigned ones for a reviewer; drafts never.
func (s *Service) Submissions(ctx context.Context, who identity.Principal, callID int64, q AssessmentQuery) ([]BenchRow, string, error) {
	if who.Anonymous() {
		return nil, "", kernel.ErrLoginRequired
	}
	call, err := s.store.Call(ctx, callID)
	if err != nil {
		return nil, "", err
	}
	q.CallID, q.ReviewerID = callID, 0
	if !Coordinates(who, call.DistrictKey) {
		q.ReviewerID = who.User.ID
	}
	if len(q.Statuses) == 0 {
		q.Statuses = []Status{StatusSubmitted, StatusWithdrawn}
	}
	for _, st := range q.Statuses {
		if st != StatusSubmitted && st != StatusWithdrawn {
			return nil, "", invalid("status: submitted or withdrawn")
		}
	}
	list, next, err := s.store.Assessments(ctx, q)
	if err != nil {
		return nil, "", err
	}
	ids := make([]int64, len(list))
	for i := range list {
		ids[i] = list[i].ID
	}
	rs, err := s.store.Reviews(ctx, ids)
	if err != nil {
		return nil, "", err
	}
	out := make([]BenchRow, len(list))
	for i, a := range list {
		a.SentBack = ""
		out[i] = BenchRow{Assessment: a, Reviewers: visibleReviews(who, rs[a.ID])}
		out[i].Assigned, out[i].Reviewed, out[i].Disagreement = Progress(rs[a.ID])
	}
	return out, next, nil
}

// Assign makes a person a reviewer of a submission; nobody of the organisations behind it may
// review it.
func (s *Service) Assign(ctx context.Context, who identity.Principal, id, reviewerID int64) (View, error) {
	return s.onBench(ctx, who, id, "needs_review.assign", true, func(ctx context.Context, a *Assessment) error {
		p, err := s.dir.Principal(ctx, reviewerID)
		if err != nil || p.Anonymous() {
			return ErrNotReviewer
		}
		if member(p, a.Org) || slices.ContainsFunc(a.CoSigners, func(c CoSignature) bool { return member(p, c.Org) }) {
			return ErrNotReviewer
		}
		rs, err := s.store.Reviews(ctx, []int64{a.ID})
		if err != nil {
			return err
		}
		if slices.ContainsFunc(rs[a.ID], func(r Review) bool { return r.ReviewerID == reviewerID }) {
			return nil
		}
		if err := s.store.SaveReview(ctx, Review{AssessmentID: a.ID, ReviewerID: reviewerID, AssignedBy: who.User.ID, UpdatedAt: s.now().UTC()}); err != nil {
			return err
		}
		return s.emit(ctx, a.ProcessID, "review", a.ID, "assigned", kernel.AudienceModerators, kernel.AudienceUser(reviewerID))
	})
}

// Unassign removes a reviewer and their review.
func (s *Service) Unassign(ctx context.Context, who identity.Principal, id, reviewerID int64) (View, error) {
	return s.onBench(ctx, who, id, "needs_review.unassign", true, func(ctx context.Context, a *Assessment) error {
		if err := s.store.DeleteReview(ctx, a.ID, reviewerID); err != nil {
			return err
		}
		return s.emit(ctx, a.ProcessID, "review", a.ID, "unassigned", kernel.AudienceModerators, kernel.AudienceUser(reviewerID))
	})
}

// Review stores an assigned reviewer's recommendation, comment and private note.
func (s *Service) Review(ctx context.Context, who identity.Principal, id int64, rec Weighing, comment, note string) (View, error) {
	return s.onBench(ctx, who, id, "needs_review.review", false, func(ctx context.Context, a *Assessment) error {
		rs, err := s.store.Reviews(ctx, []int64{a.ID})
		if err != nil {
			return err
		}
		i := slices.IndexFunc(rs[a.ID], func(r Review) bool { return r.ReviewerID == who.User.ID })
		if i < 0 {
			return kernel.ErrForbidden
		}
		if rec != "" && !rec.Valid() {
			return invalid("recommendation: considered, partly, not_considered or noted")
		}
		if err := checkText("comment", &comment, MaxNote, false); err != nil {
			return err
		}
		if err := checkText("note", &note, MaxNote, false); err != nil {
			return err
		}
		r := rs[a.ID][i]
		r.Recommendation, r.Comment, r.Note, r.UpdatedAt = rec, comment, note, s.now().UTC()
		if err := s.store.SaveReview(ctx, r); err != nil {
			return err
		}
		return s.emit(ctx, a.ProcessID, "review", a.ID, "reviewed", kernel.AudienceModerators, kernel.AudienceUser(who.User.ID))
	})
}

// Ask sends a private question (Rückfrage) to the submitting organisation.
func (s *Service) Ask(ctx context.Context, who identity.Principal, id int64, question string) (View, error) {
	return s.onBench(ctx, who, id, "needs_query.ask", true, func(ctx context.Context, a *Assessment) error {
		if err := checkText("question", &question, MaxReason, true); err != nil {
			return err
		}
		if a.Status != StatusSubmitted {
			return ErrState
		}
		q, err := s.store.InsertQuery(ctx, Query{AssessmentID: a.ID, Question: question, AskedBy: who.User.ID, AskedAt: s.now().UTC()})
		if err != nil {
			return err
		}
		if err := s.notify(ctx, Notice{Org: a.Org, Kind: "query", AssessmentID: a.ID, ProcessID: a.ProcessID, Text: "Rückfrage zu: " + a.Content.Title}); err != nil {
			return err
		}
		return s.emit(ctx, a.ProcessID, "query", q.ID, "asked", kernel.AudienceModerators, kernel.AudienceOrganisation(a.Org))
	})
}

// Answer: a member of the submitting organisation answers a query (again: replaced).
func (s *Service) Answer(ctx context.Context, who identity.Principal, queryID int64, answer string) (View, error) {
	if who.Anonymous() {
		return View{}, kernel.ErrLoginRequired
	}
	q, err := s.store.Query(ctx, queryID)
	if err != nil {
		return View{}, err
	}
	if err := checkText("answer", &answer, MaxReason, true); err != nil {
		return View{}, err
	}
	v, err := s.Assessment(ctx, who, q.AssessmentID)
	if err != nil || !v.Access.Own {
		return View{}, ErrQueryNotFound
	}
	err = s.tx.InTx(ctx, func(ctx context.Context) error {
		q.Answer, q.AnsweredBy, q.AnsweredAt = answer, who.User.ID, s.now().UTC()
		if err := s.store.SaveQuery(ctx, q); err != nil {
			return err
		}
		if err := s.log(ctx, who, "needs_query.answer", q.ID, map[string]any{"assessment_id": q.AssessmentID}); err != nil {
			return err
		}
		return s.emit(ctx, v.ProcessID, "query", q.ID, "answered", kernel.AudienceModerators, kernel.AudienceOrganisation(v.Org))
	})
	if err != nil {
		return View{}, err
	}
	return s.Assessment(ctx, who, q.AssessmentID)
}

// NeedsMap counts a call's submissions per social area, for the workbench's map.
func (s *Service) NeedsMap(ctx context.Context, who identity.Principal, callID int64) (map[int64]int, error) {
	counts := map[int64]int{}
	cursor := ""
	for {
		rows, next, err := s.Submissions(ctx, who, callID, AssessmentQuery{Statuses: []Status{StatusSubmitted}, Cursor: cursor, Limit: 200})
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			for _, id := range r.Content.AreaIDs {
				counts[id]++
			}
		}
		if next == "" {
			return counts, nil
		}
		cursor = next
	}
}

// onBench runs a workbench use case on a submission: coordinators only when coordinator is set,
// else coordinators and assigned reviewers.
func (s *Service) onBench(ctx context.Context, who identity.Principal, id int64, action string, coordinator bool,
	do func(context.Context, *Assessment) error) (View, error) {
	if who.Anonymous() {
		return View{}, kernel.ErrLoginRequired
	}
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		a, _, x, err := s.load(ctx, who, id)
		if err != nil {
			return err
		}
		switch {
		case !x.Workbench():
			return ErrNotFound
		case coordinator && !x.Coordinator:
			return kernel.ErrForbidden
		}
		if err := do(ctx, &a); err != nil {
			return err
		}
		return s.log(ctx, who, action, id, map[string]any{"org": a.Org})
	})
	if err != nil {
		return View{}, err
	}
	return s.Assessment(ctx, who, id)
}
