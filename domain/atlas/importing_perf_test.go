//go:build !race && unix

package atlas_test

import (
	"runtime"
	"strconv"
	"syscall"
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

// cpuTime is the processor time this process has used: unlike the clock it does not count the
// time other processes on a shared machine take.
func cpuTime(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestInterpretMillionValues holds Interpret to its budget: a million values in well under two
// seconds of one core, and a small number of allocations per value.
func TestInterpretMillionValues(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	header, rows, m, k := wideTable()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start, wall := cpuTime(t), time.Now()
	got := atlas.Interpret(header, rows, m, k, true)
	took := cpuTime(t) - start
	runtime.ReadMemStats(&after)
	if len(got.Problems) != 0 || len(got.Values) != 1_000_000 {
		t.Fatalf("%d values, problems %v", len(got.Values), got.Problems[:min(3, len(got.Problems))])
	}
	if took > 1500*time.Millisecond {
		t.Errorf("a million values took %v of processor time", took)
	}
	if allocs := after.Mallocs - before.Mallocs; allocs > 100_000 {
		t.Errorf("%d allocations for a million values", allocs)
	}
	t.Logf("a million values in %v of processor time (%v on the clock), %d allocations", took, time.Since(wall), after.Mallocs-before.Mallocs)
}

func BenchmarkInterpretMillionValues(b *testing.B) {
	header, rows, m, k := wideTable()
	b.ResetTimer()
	for range b.N {
		atlas.Interpret(header, rows, m, k, true)
	}
}
