package atlas_test

import (
	"errors"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/atlas"
)

func TestImportStates(t *testing.T) {
	at := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	im := atlas.Import{Status: atlas.ImportPreviewed, Facts: atlas.FileFacts{Problems: 2}}
	if im.CanApply() || !errors.Is(im.Start(), atlas.ErrImportProblems) {
		t.Fatal("a preview with problems started")
	}
	if err := im.Remap(atlas.Mapping{Format: atlas.FormatLong}, atlas.FileFacts{}); err != nil || !im.CanApply() {
		t.Fatalf("remap: %v", err)
	}
	if err := im.Start(); err != nil || im.Status != atlas.ImportRunning {
		t.Fatalf("start: %v, %s", err, im.Status)
	}
	for name, err := range map[string]error{"start": im.Start(), "remap": im.Remap(atlas.Mapping{}, atlas.FileFacts{}), "undo": im.Undo()} {
		if !errors.Is(err, atlas.ErrImportState) {
			t.Errorf("%s while running: %v", name, err)
		}
	}
	im.Total = 5
	im.Finish(atlas.ImportCounts{Added: 3, Changed: 1, Removed: 2}, at)
	if im.Status != atlas.ImportDone || im.Processed != 5 || im.Added != 3 || im.FinishedAt == nil || !im.CanUndo() {
		t.Fatalf("finish: %+v", im)
	}
	if err := im.Undo(); err != nil || im.Status != atlas.ImportUndone || im.CanUndo() {
		t.Fatalf("undo: %v, %+v", err, im)
	}

	failed := atlas.Import{Status: atlas.ImportRunning, Processed: 4}
	failed.Fail(atlas.InterruptedError, at)
	if failed.Status != atlas.ImportFailed || failed.Processed != 0 || failed.Error != atlas.InterruptedError || failed.CanUndo() {
		t.Errorf("fail: %+v", failed)
	}
}

func TestImportScope(t *testing.T) {
	vs := []atlas.Value{{Indicator: "b", Year: 2021}, {Indicator: "a", Year: 2020}, {Indicator: "b", Year: 2021}, {Indicator: "a", Year: 2019}}
	land := atlas.ScopeOf(atlas.LandKey, vs)
	if want := []atlas.Period{{"a", 2019}, {"a", 2020}, {"b", 2021}}; len(land.Periods) != 3 || land.Periods[0] != want[0] || land.Periods[2] != want[2] {
		t.Errorf("periods: %v", land.Periods)
	}
	erfurt := atlas.ScopeOf("16051", vs)
	for _, c := range []struct {
		scope atlas.ImportScope
		area  atlas.AreaKey
		want  bool
	}{
		{land, "16", true}, {land, "16051", true}, {land, "16051:SR01", false},
		{erfurt, "16051", true}, {erfurt, "16051:SR01", true}, {erfurt, "16", false}, {erfurt, "16053", false}, {erfurt, "16053:SR01", false},
	} {
		if got := c.scope.Covers(c.area); got != c.want {
			t.Errorf("scope %q covers %s: %v", c.scope.District, c.area, got)
		}
	}
	for _, s := range []string{"16", "16051"} {
		if err := atlas.ValidScope(s); err != nil {
			t.Errorf("%s: %v", s, err)
		}
	}
	for _, s := range []string{"", "16051:SR01", "15001", "1605"} {
		if !errors.Is(atlas.ValidScope(s), atlas.ErrImportBadScope) {
			t.Errorf("%q accepted as a scope", s)
		}
	}
}
