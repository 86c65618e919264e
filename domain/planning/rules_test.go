package planning_test

import (
	"errors"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/planning"
)

func TestCheckHierarchyRefusesCycles(t *testing.T) {
	west := planning.SocialArea{ID: 1, DistrictKey: "16051", Level: planning.LevelPlanungsraum}
	mitte := planning.SocialArea{ID: 2, DistrictKey: "16051", ParentID: 1, Level: planning.LevelSozialraum}
	moved := west
	moved.Level = planning.LevelQuartier
	if err := moved.CheckHierarchy(&mitte, []int64{1}); !errors.Is(err, planning.ErrInvalid) {
		t.Errorf("West under its own sub-area: %v", err)
	}
	q := planning.SocialArea{ID: 3, DistrictKey: "16051", Level: planning.LevelQuartier}
	if err := q.CheckHierarchy(&mitte, []int64{1}); err != nil {
		t.Errorf("a quarter under Mitte: %v", err)
	}
	if err := q.CheckHierarchy(nil, nil); err != nil {
		t.Errorf("no parent: %v", err)
	}
}

func TestCheckDeletable(t *testing.T) {
	if planning.CheckDeletable(0, 0) != nil || !errors.Is(planning.CheckDeletable(1, 0), planning.ErrConflict) || !errors.Is(planning.CheckDeletable(0, 2), planning.ErrConflict) {
		t.Error("CheckDeletable")
	}
}

func TestProcessCheck(t *testing.T) {
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p := planning.Process{Title: "Plan", Status: planning.StatusDraft, SocialAreaIDs: []int64{3, 1, 3}}
	if err := p.Check(); err != nil || len(p.SocialAreaIDs) != 2 || p.SocialAreaIDs[0] != 1 {
		t.Errorf("a draft without phases: %v %v", err, p.SocialAreaIDs)
	}
	p.Status = planning.StatusConcluded
	if err := p.Check(); !errors.Is(err, planning.ErrInvalid) {
		t.Errorf("a concluded process without phases: %v", err)
	}
	p.Phases = []planning.Phase{{Kind: planning.PhaseBeschluss, StartsOn: day, EndsOn: day}}
	if err := p.Check(); err != nil {
		t.Errorf("with a phase: %v", err)
	}
}
