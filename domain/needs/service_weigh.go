package needs

import (
	"context"
	"errors"
	"slices"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
)

// Table returns a page of a process's weighing table. The district's coordinators see the
// working decisions prepared under embargo (unless they ask for the published table); everyone
// else who may read the process sees only published decisions, and never a working one.
func (s *Service) Table(ctx context.Context, who identity.Principal, processID int64, q ItemQuery) ([]Item, string, bool, error) {
	p, err := s.plan.Process(ctx, who, processID)
	if err != nil {
		return nil, "", false, err
	}
	if err := checkText("q", &q.Search, kernel.MaxSearch, false); err != nil {
		return nil, "", false, err
	}
	if q.Value != "" && !q.Value.Valid() {
		return nil, "", false, invalid("decision: considered, partly, not_considered or noted")
	}
	q.ProcessID = processID
	working := Coordinates(who, p.DistrictKey) && !q.Published
	q.Published = !working
	items, next, err := s.store.Items(ctx, q)
	if err != nil {
		return nil, "", false, err
	}
	if !working {
		for i := range items {
			items[i].Working = nil
		}
	}
	return items, next, working, nil
}

// AddComment puts a consultation comment of the process into the weighing table.
func (s *Service) AddComment(ctx context.Context, who identity.Principal, processID, commentID int64) (Item, error) {
	p, err := s.coordinatedProcess(ctx, who, processID)
	if err != nil {
		return Item{}, err
	}
	summary, areas, err := s.comments.ForWeighing(ctx, processID, commentID)
	if err != nil {
		return Item{}, err
	}
	if kernel.Chars(summary) > MaxText {
		summary = string([]rune(summary)[:MaxText])
	}
	var out Item
	err = s.tx.InTx(ctx, func(ctx context.Context) error {
		out, err = s.store.InsertItem(ctx, Item{ProcessID: processID, DistrictKey: p.DistrictKey, Kind: ItemComment, CommentID: commentID,
			Summary: summary, Submitter: "", AreaIDs: areas, UpdatedAt: s.now().UTC()})
		if errors.Is(err, kernel.ErrConflict) {
			return ErrAlreadyWeighed
		}
		if err != nil {
			return err
		}
		return s.log(ctx, who, "weighing_item.add_comment", out.ID, map[string]any{"comment_id": commentID})
	})
	return out, err
}

// AddWorkshopResult puts a result of a workshop of the process (a question, a card, a theme)
// into the weighing table; source is the workshop's title, the row's submitter is the workshop.
func (s *Service) AddWorkshopResult(ctx context.Context, who identity.Principal, processID int64, summary string, areaIDs []int64, source string) (Item, error) {
	p, err := s.coordinatedProcess(ctx, who, processID)
	if err != nil {
		return Item{}, err
	}
	if err := checkText("summary", &summary, MaxText, true); err != nil {
		return Item{}, err
	}
	if err := checkText("source", &source, MaxTitle, true); err != nil {
		return Item{}, err
	}
	areaIDs = uniqueIDs(areaIDs)
	for _, a := range areaIDs {
		if !slices.Contains(p.SocialAreaIDs, a) {
			return Item{}, invalid("area_ids: area %d is not in the process's scope", a)
		}
	}
	var out Item
	err = s.tx.InTx(ctx, func(ctx context.Context) error {
		out, err = s.store.InsertItem(ctx, Item{ProcessID: processID, DistrictKey: p.DistrictKey, Kind: ItemWorkshop, Summary: summary,
			Submitter: "Werkstatt „" + source + "“", AreaIDs: areaIDs, UpdatedAt: s.now().UTC()})
		if err != nil {
			return err
		}
		return s.log(ctx, who, "weighing_item.add_workshop", out.ID, map[string]any{"source": source})
	})
	return out, err
}

// Split divides a submission's row into aspects, each weighed on its own.
func (s *Service) Split(ctx context.Context, who identity.Principal, itemID int64, aspects []string) ([]Item, error) {
	if len(aspects) < 2 || len(aspects) > MaxList {
		return nil, invalid("aspects: 2 to %d", MaxList)
	}
	var out []Item
	err := s.onItem(ctx, who, itemID, "weighing_item.split", func(ctx context.Context, it *Item) error {
		if it.Kind != ItemAssessment {
			return invalid("only a submission's row can be split")
		}
		for _, title := range aspects {
			if err := checkText("aspect", &title, MaxTitle, true); err != nil {
				return err
			}
			a, err := s.store.InsertItem(ctx, Item{ProcessID: it.ProcessID, DistrictKey: it.DistrictKey, Kind: ItemAspect, AssessmentID: it.AssessmentID,
				ParentID: it.ID, Summary: title, Submitter: it.Submitter, AreaIDs: it.AreaIDs, Field: it.Field, BundleID: it.BundleID, UpdatedAt: s.now().UTC()})
			if err != nil {
				return err
			}
			out = append(out, a)
		}
		return nil
	})
	return out, err
}

// Group bundles items of a process under a title (Bündelung); they are listed together.
func (s *Service) Group(ctx context.Context, who identity.Principal, processID int64, title string, itemIDs []int64) (Bundle, error) {
	if _, err := s.coordinatedProcess(ctx, who, processID); err != nil {
		return Bundle{}, err
	}
	if err := checkText("title", &title, MaxTitle, true); err != nil {
		return Bundle{}, err
	}
	itemIDs = uniqueIDs(itemIDs)
	if len(itemIDs) < 2 || len(itemIDs) > MaxList*4 {
		return Bundle{}, invalid("items: bundle 2 to %d items", MaxList*4)
	}
	var b Bundle
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		var err error
		if b, err = s.store.InsertBundle(ctx, Bundle{ProcessID: processID, Title: title}); err != nil {
			return err
		}
		for _, id := range itemIDs {
			it, err := s.store.Item(ctx, id)
			if err != nil || it.ProcessID != processID {
				return ErrItemNotFound
			}
			it.BundleID, it.BundleTitle = b.ID, b.Title
			if err := s.store.SaveItem(ctx, it); err != nil {
				return err
			}
		}
		return s.log(ctx, who, "weighing_bundle.create", b.ID, map[string]any{"title": title, "items": itemIDs})
	})
	return b, err
}

// Bundles lists a process's bundles, for its coordinators.
func (s *Service) Bundles(ctx context.Context, who identity.Principal, processID int64) ([]Bundle, error) {
	if _, err := s.coordinatedProcess(ctx, who, processID); err != nil {
		return nil, err
	}
	return s.store.Bundles(ctx, processID)
}

// Decide prepares the weighing of an item under embargo; the public sees it once published.
// With wholeBundle the same decision is prepared for every item of the item's bundle, so related
// needs are weighed alike.
func (s *Service) Decide(ctx context.Context, who identity.Principal, itemID int64, d Decision, wholeBundle bool) (Item, error) {
	if err := d.Check(); err != nil {
		return Item{}, err
	}
	var out Item
	err := s.onItem(ctx, who, itemID, "weighing_item.decide", func(ctx context.Context, it *Item) error {
		for _, id := range d.MeasureIDs {
			m, err := s.store.Measure(ctx, id)
			if err != nil || m.ProcessID != it.ProcessID {
				return invalid("measures: %d is not a measure of the process", id)
			}
		}
		d.At = s.now().UTC()
		targets := []Item{*it}
		if wholeBundle {
			if it.BundleID == 0 {
				return invalid("whole_bundle: the item belongs to no bundle")
			}
			all, _, err := s.store.Items(ctx, ItemQuery{ProcessID: it.ProcessID})
			if err != nil {
				return err
			}
			targets = targets[:0]
			for _, x := range all {
				if x.BundleID == it.BundleID {
					targets = append(targets, x)
				}
			}
		}
		for _, x := range targets {
			dx := d
			x.Working, x.UpdatedAt = &dx, d.At
			if err := s.store.SaveItem(ctx, x); err != nil {
				return err
			}
			if x.ID == it.ID {
				out = x
			}
			if err := s.emit(ctx, x.ProcessID, "weighing", x.ID, "prepared", kernel.AudienceModerators); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// RemoveItem takes a comment or an aspect out of the table, as long as nothing of it is published.
func (s *Service) RemoveItem(ctx context.Context, who identity.Principal, itemID int64) error {
	return s.onItem(ctx, who, itemID, "weighing_item.remove", func(ctx context.Context, it *Item) error {
		if it.Kind == ItemAssessment || it.Published != nil {
			return invalid("only an unpublished comment or aspect can leave the table")
		}
		return s.store.DeleteItem(ctx, it.ID)
	})
}

// Publish lifts the embargo: every prepared decision of the process that differs from what is
// published is published at once, and the organisations behind them are told.
func (s *Service) Publish(ctx context.Context, who identity.Principal, processID int64) (int, error) {
	if _, err := s.coordinatedProcess(ctx, who, processID); err != nil {
		return 0, err
	}
	n := 0
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		items, err := s.store.Publish(ctx, processID, s.now().UTC())
		if err != nil {
			return err
		}
		if n = len(items); n == 0 {
			return ErrNothingToPublish
		}
		audiences := []string{kernel.AudienceModerators}
		told := map[int64]bool{}
		for _, it := range items {
			if it.AssessmentID == 0 || told[it.AssessmentID] {
				continue
			}
			told[it.AssessmentID] = true
			a, err := s.store.Assessment(ctx, it.AssessmentID)
			if err != nil {
				return err
			}
			for _, org := range signers(&a) {
				audiences = append(audiences, kernel.AudienceOrganisation(org))
				if err := s.notify(ctx, Notice{Org: org, Kind: "decision", AssessmentID: a.ID, ProcessID: processID,
					Text: "Abgewogen: " + a.Content.Title + " – " + it.Published.Value.German()}); err != nil {
					return err
				}
			}
		}
		if err := s.log(ctx, who, "weighing.publish", processID, map[string]any{"items": n}); err != nil {
			return err
		}
		return s.emit(ctx, processID, "weighing", processID, "published", audiences...)
	})
	return n, err
}

// signers are the organisation behind an assessment and those that co-signed it.
func signers(a *Assessment) []string {
	out := []string{a.Org}
	for _, c := range a.CoSigners {
		if c.Status == CoSignSigned && !slices.Contains(out, c.Org) {
			out = append(out, c.Org)
		}
	}
	return out
}

// onItem runs a coordinator's change of an item in a transaction, with its audit line.
func (s *Service) onItem(ctx context.Context, who identity.Principal, itemID int64, action string, do func(context.Context, *Item) error) error {
	if who.Anonymous() {
		return kernel.ErrLoginRequired
	}
	return s.tx.InTx(ctx, func(ctx context.Context) error {
		it, err := s.store.Item(ctx, itemID)
		if err != nil {
			return err
		}
		if !Coordinates(who, it.DistrictKey) {
			return s.hideItem(ctx, who, it.ProcessID)
		}
		if err := do(ctx, &it); err != nil {
			return err
		}
		return s.log(ctx, who, action, itemID, map[string]any{"process_id": it.ProcessID})
	})
}

// hideItem is what someone who does not coordinate the district learns of an item: that they
// may not change it if they may read the process, else nothing.
func (s *Service) hideItem(ctx context.Context, who identity.Principal, processID int64) error {
	if _, err := s.plan.Process(ctx, who, processID); err != nil {
		return ErrItemNotFound
	}
	return kernel.ErrForbidden
}

// TextModules lists the district's recurring reasons, for its coordinators.
func (s *Service) TextModules(ctx context.Context, who identity.Principal, district string) ([]TextModule, error) {
	if err := kernel.Allow(who.Anonymous(), Coordinates(who, district)); err != nil {
		return nil, err
	}
	return s.store.TextModules(ctx, district)
}

// AddTextModule keeps a recurring reason for the district.
func (s *Service) AddTextModule(ctx context.Context, who identity.Principal, m TextModule) (TextModule, error) {
	if err := kernel.Allow(who.Anonymous(), Coordinates(who, m.DistrictKey)); err != nil {
		return m, err
	}
	if err := checkText("title", &m.Title, MaxTitle, true); err != nil {
		return m, err
	}
	if err := checkText("body", &m.Body, MaxReason, true); err != nil {
		return m, err
	}
	m.CreatedAt = s.now().UTC()
	var out TextModule
	err := s.tx.InTx(ctx, func(ctx context.Context) error {
		var err error
		if out, err = s.store.InsertTextModule(ctx, m); err != nil {
			return err
		}
		return s.log(ctx, who, "text_module.create", out.ID, map[string]any{"title": m.Title, "district": m.DistrictKey})
	})
	return out, err
}

// DeleteTextModule removes one.
func (s *Service) DeleteTextModule(ctx context.Context, who identity.Principal, id int64) error {
	if who.Anonymous() {
		return kernel.ErrLoginRequired
	}
	return s.tx.InTx(ctx, func(ctx context.Context) error {
		m, err := s.store.TextModule(ctx, id)
		if err != nil {
			return err
		}
		if !Coordinates(who, m.DistrictKey) {
			return ErrModuleNotFound
		}
		if err := s.store.DeleteTextModule(ctx, id); err != nil {
			return err
		}
		return s.log(ctx, who, "text_module.delete", id, nil)
	})
}
