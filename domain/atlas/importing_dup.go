package atlas

import "fmt"

// dupIndex finds the second value of an indicator, area and year in a file. It keeps one bit per
// year for each indicator and area, and remembers the last pair it looked up: the cells of a
// wide row, and the rows of a long file sorted by area and indicator, share their pair, so a
// million values cost a few thousand map lookups and touch memory in order.
type dupIndex struct {
	minYear, words int
	pairs          map[uint64]int // (indicator, area) -> offset of its years in bits
	bits           []uint64
	last           uint64
	lastOff        int
	hasLast        bool
	listed         []listedDup // duplicates in the problem list, whose first line is told after the run
}

// listedDup is a duplicate in the problem list, for the message to name the first value's line.
type listedDup struct {
	problem   int
	key       dupKey
	indicator string
	area      AreaKey
}

type dupKey struct{ ind, area, year int }

func newDupIndex(minYear, maxYear int) *dupIndex {
	return &dupIndex{minYear: minYear, words: (maxYear-minYear)/64 + 1, pairs: map[uint64]int{}}
}

// add records a value and says whether the file had it already.
func (d *dupIndex) add(k dupKey) bool {
	pair := uint64(k.ind)<<32 | uint64(k.area)
	if !d.hasLast || pair != d.last {
		off, ok := d.pairs[pair]
		if !ok {
			off = len(d.bits)
			for range d.words {
				d.bits = append(d.bits, 0)
			}
			d.pairs[pair] = off
		}
		d.last, d.lastOff, d.hasLast = pair, off, true
	}
	b := k.year - d.minYear
	w, bit := &d.bits[d.lastOff+b/64], uint64(1)<<(b%64)
	if *w&bit != 0 {
		return true
	}
	*w |= bit
	return false
}

// duplicate lists a duplicate problem; nameFirstLines adds the first value's line to its message.
func (in *interpreter) duplicate(line int, column string, k dupKey, ind *indicatorRef, area AreaKey) {
	if in.problems.total < MaxProblems {
		in.dups.listed = append(in.dups.listed, listedDup{problem: len(in.problems.list), key: k, indicator: ind.Key, area: area})
	}
	in.problems.add(line, column, ProblemDuplicate, "%s %s %d steht zweimal in der Datei", ind.Key, area, k.year)
}

// nameFirstLines finds the line of the first value of each listed duplicate once the values are
// read: one pass over them, and only when the file has duplicates.
func (in *interpreter) nameFirstLines(values []Value, lines []int32) {
	if len(in.dups.listed) == 0 {
		return
	}
	first := make(map[dupKey]int32, len(in.dups.listed))
	for _, l := range in.dups.listed {
		first[l.key] = 0
	}
	indIdx := map[string]int{}
	for _, r := range in.indByKey {
		if r != nil {
			indIdx[r.Key] = r.idx
		}
	}
	for i, v := range values {
		k := dupKey{ind: indIdx[v.Indicator], area: in.areaIdx[v.Area], year: v.Year}
		if l, ok := first[k]; ok && l == 0 {
			first[k] = lines[i]
		}
	}
	for _, l := range in.dups.listed {
		in.problems.list[l.problem].Message = fmt.Sprintf("%s %s %d steht schon in Zeile %d", l.indicator, l.area, l.key.year, first[l.key])
	}
}
