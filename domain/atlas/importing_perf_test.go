//go:build !race

package atlas_test

import (
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/domain/atlas"
)

// wideTable is 50,000 social areas by 20 years: a million values.
func wideTable() ([]string, [][]string, atlas.Mapping, atlas.Known) {
	const areas, years = 50_000, 20
	k := known()
	header := []string{"sozialraum"}
	m := atlas.Mapping{Format: atlas.FormatWide, Wide: atlas.WideYears, Indicator: "arbeitslose", Columns: roles(atlas.RoleArea)}
	for y := 0; y < years; y++ {
		header = append(header, strconv.Itoa(2000+y))
		m.Columns = append(m.Columns, atlas.RoleValue)
	}
	rows := make([][]string, areas)
	for i := range rows {
		code := "SR" + strconv.Itoa(i)
		k.Areas[atlas.DistrictArea("16051", code)] = code
		row := []string{code}
		for y := 0; y < years; y++ {
			row = append(row, strconv.Itoa(i%1000)+","+strconv.Itoa(y))
		}
		rows[i] = row
	}
	return header, rows, m, k
}

// TestInterpretMillionValues holds Interpret to its budget: a million values in well under two
// seconds on one core, and a small number of allocations per value.
func TestInterpretMillionValues(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	header, rows, m, k := wideTable()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	got := atlas.Interpret(header, rows, m, k, true)
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	if len(got.Problems) != 0 || len(got.Values) != 1_000_000 {
		t.Fatalf("%d values, problems %v", len(got.Values), got.Problems[:min(3, len(got.Problems))])
	}
	if took > 2*time.Second {
		t.Errorf("a million values took %v", took)
	}
	if allocs := after.Mallocs - before.Mallocs; allocs > 100_000 {
		t.Errorf("%d allocations for a million values", allocs)
	}
	t.Logf("a million values in %v, %d allocations", took, after.Mallocs-before.Mallocs)
}

func BenchmarkInterpretMillionValues(b *testing.B) {
	header, rows, m, k := wideTable()
	b.ResetTimer()
	for range b.N {
		atlas.Interpret(header, rows, m, k, true)
	}
}
