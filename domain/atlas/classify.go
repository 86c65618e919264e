package atlas

import (
	"fmt"
	"math"
	"sort"

	"github.com/teilhabe/teilhabe/domain/kernel"
)

// ErrBadClassification is a classification that cannot be built (unknown method, class count out
// of range, no or non-finite values).
var ErrBadClassification = kernel.New(kernel.KindInvalid, "bad_classification", "the values cannot be classified this way")

// Method is how a choropleth's class breaks are chosen.
type Method string

// The classification methods.
const (
	Quantile Method = "quantile" // about as many areas in each class
	Equal    Method = "equal"    // classes of equal width
	Jenks    Method = "jenks"    // Fisher-Jenks natural breaks: least squared deviation within classes
)

// The range of class counts a map legend can carry.
const (
	MinClasses = 2
	MaxClasses = 7
)

// Classify returns the break points of k classes over values: k+1 ascending numbers from the
// smallest value to the largest. Class i holds the values from breaks[i] up to, not including,
// breaks[i+1]; the last class includes the largest value (see ClassOf). Each break but the last is
// the smallest value of its class, so ClassOf gives back exactly the classes the method chose.
//
// With fewer distinct values than k there are as many classes as distinct values (one per value;
// the last two breaks are then both the largest value); for quantiles, ties never straddle a
// break, so heavily tied data may also yield fewer classes. A single distinct value gives one
// class, [v, v]. Equal intervals may leave classes empty: that is what the method shows.
func Classify(values []float64, m Method, k int) ([]float64, error) {
	if k < MinClasses || k > MaxClasses {
		return nil, fmt.Errorf("%w: %d classes (allowed %d to %d)", ErrBadClassification, k, MinClasses, MaxClasses)
	}
	if len(values) == 0 {
		return nil, fmt.Errorf("%w: no values", ErrBadClassification)
	}
	sorted := append([]float64(nil), values...)
	for _, v := range sorted {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("%w: a value is not a finite number", ErrBadClassification)
		}
	}
	sort.Float64s(sorted)
	distinct, weights := distinctValues(sorted)
	lo, hi := sorted[0], sorted[len(sorted)-1]
	if len(distinct) < k {
		return append(append([]float64(nil), distinct...), hi), nil
	}
	var lowers []float64 // the lower bounds of classes 1..k-1
	switch m {
	case Equal:
		for i := 1; i < k; i++ {
			lowers = append(lowers, lo+(hi-lo)*float64(i)/float64(k))
		}
	case Quantile:
		for i := 1; i < k; i++ {
			lowers = append(lowers, sorted[int(math.Ceil(float64(i*len(sorted))/float64(k)))])
		}
	case Jenks:
		lowers = jenksLowers(distinct, weights, k)
	default:
		return nil, fmt.Errorf("%w: method %q (quantile, equal or jenks)", ErrBadClassification, m)
	}
	breaks := []float64{lo}
	for _, b := range lowers {
		if b > breaks[len(breaks)-1] {
			breaks = append(breaks, b)
		}
	}
	return append(breaks, hi), nil
}

// ClassOf is the 0-based class of v: the last i with breaks[i] <= v, so the largest value falls in
// the last class; values below the first break count to the first class and above the last to
// the last. It is -1 for NaN or when breaks hold fewer than two points.
func ClassOf(v float64, breaks []float64) int {
	k := len(breaks) - 1
	if k < 1 || math.IsNaN(v) {
		return -1
	}
	i := sort.Search(k, func(i int) bool { return breaks[i] > v }) - 1 // first lower bound above v, minus one
	return max(0, min(i, k-1))
}

// distinctValues folds sorted values into distinct values and how often each occurs.
func distinctValues(sorted []float64) (distinct, weights []float64) {
	for i, v := range sorted {
		if i > 0 && v == sorted[i-1] {
			weights[len(weights)-1]++
			continue
		}
		distinct = append(distinct, v)
		weights = append(weights, 1)
	}
	return distinct, weights
}

// jenksLowers is Fisher's exact optimal partition of the sorted distinct values (weighted by how
// often each occurs, so ties stay in one class) into k contiguous classes with the least total
// squared deviation from the class means, by dynamic programming in O(k·n²); it returns the
// smallest value of classes 1..k-1.
func jenksLowers(x, w []float64, k int) []float64 {
	n := len(x)
	mean := 0.0
	total := 0.0
	for i := range x {
		mean += w[i] * x[i]
		total += w[i]
	}
	mean /= total
	// Prefix sums of weight, weighted value and weighted square, centred for numerical stability.
	sw, sx, sxx := make([]float64, n+1), make([]float64, n+1), make([]float64, n+1)
	for i := range x {
		d := x[i] - mean
		sw[i+1], sx[i+1], sxx[i+1] = sw[i]+w[i], sx[i]+w[i]*d, sxx[i]+w[i]*d*d
	}
	cost := func(i, j int) float64 { // values i..j-1 in one class
		s := sx[j] - sx[i]
		return sxx[j] - sxx[i] - s*s/(sw[j]-sw[i])
	}
	// best[c][j]: least cost of the first j values in c+1 classes; from[c][j]: where the last starts.
	best := make([][]float64, k)
	from := make([][]int, k)
	for c := range best {
		best[c], from[c] = make([]float64, n+1), make([]int, n+1)
	}
	for j := 1; j <= n; j++ {
		best[0][j] = cost(0, j)
	}
	for c := 1; c < k; c++ {
		for j := c + 1; j <= n; j++ {
			best[c][j] = math.Inf(1)
			for i := c; i < j; i++ {
				if v := best[c-1][i] + cost(i, j); v < best[c][j] {
					best[c][j], from[c][j] = v, i
				}
			}
		}
	}
	lowers := make([]float64, k-1)
	for c, j := k-1, n; c > 0; c-- {
		j = from[c][j]
		lowers[c-1] = x[j]
	}
	return lowers
}

// Scheme names the colour scheme of a choropleth; the colours themselves live in the frontend.
type Scheme struct {
	Name     string // "sequential" or "diverging"
	Reversed bool   // the scheme's colours in reverse order
}

// The scheme names.
const (
	SchemeSequential = "sequential"
	SchemeDiverging  = "diverging"
)

// SchemeFor picks the scheme for an indicator's direction: a neutral indicator gets a sequential
// scheme (more is darker, no judgement); one where higher is worse a diverging scheme with the
// warm end for high values; one where higher is better the same scheme reversed, so that warm
// always means worse.
func SchemeFor(d Direction) Scheme {
	switch d {
	case HigherWorse:
		return Scheme{Name: SchemeDiverging}
	case HigherBetter:
		return Scheme{Name: SchemeDiverging, Reversed: true}
	}
	return Scheme{Name: SchemeSequential}
}
