package atlas

import (
	"errors"
	"math"
	"math/rand"
	"reflect"
	"sort"
	"testing"
)

func TestClassifyRefuses(t *testing.T) {
	for _, c := range []struct {
		name   string
		values []float64
		m      Method
		k      int
	}{
		{"one class", []float64{1, 2, 3}, Jenks, 1},
		{"eight classes", []float64{1, 2, 3}, Quantile, 8},
		{"no values", nil, Equal, 3},
		{"NaN", []float64{1, math.NaN(), 3}, Equal, 3},
		{"infinity", []float64{1, math.Inf(1), 3}, Equal, 3},
		{"unknown method", []float64{1, 2, 3, 4}, Method("kmeans"), 3},
	} {
		if _, err := Classify(c.values, c.m, c.k); !errors.Is(err, ErrBadClassification) {
			t.Errorf("%s: got %v, want ErrBadClassification", c.name, err)
		}
	}
}

func TestClassifyEqualIntervals(t *testing.T) {
	got, err := Classify([]float64{7, 2, 12, 3, 4}, Equal, 5)
	if err != nil {
		t.Fatal(err)
	}
	if want := []float64{2, 4, 6, 8, 10, 12}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestClassifyQuantilesHoldEqualShares(t *testing.T) {
	values := rand.New(rand.NewSource(1)).Perm(20)
	var xs []float64
	for _, v := range values {
		xs = append(xs, float64(v)*1.5)
	}
	for _, k := range []int{2, 4, 5} {
		breaks, err := Classify(xs, Quantile, k)
		if err != nil {
			t.Fatal(err)
		}
		if len(breaks) != k+1 || breaks[0] != 0 || breaks[k] != 19*1.5 {
			t.Fatalf("k=%d: breaks %v", k, breaks)
		}
		n := make([]int, k)
		for _, x := range xs {
			n[ClassOf(x, breaks)]++
		}
		for i := range n {
			if n[i] != 20/k {
				t.Errorf("k=%d: class sizes %v, want %d each", k, n, 20/k)
			}
		}
	}
}

func TestClassifyQuantilesKeepTiesTogether(t *testing.T) {
	breaks, err := Classify([]float64{1, 1, 1, 1, 1, 1, 2, 3, 4}, Quantile, 3)
	if err != nil {
		t.Fatal(err)
	}
	if want := []float64{1, 2, 4}; !reflect.DeepEqual(breaks, want) { // the first third is all 1s
		t.Errorf("got %v, want %v", breaks, want)
	}
}

func TestClassifyFewDistinctValues(t *testing.T) {
	for _, m := range []Method{Quantile, Equal, Jenks} {
		got, err := Classify([]float64{2, 1, 2, 1, 5}, m, 5)
		if err != nil {
			t.Fatal(err)
		}
		if want := []float64{1, 2, 5, 5}; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %v, want %v (one class per value)", m, got, want)
		}
		if ClassOf(1, got) != 0 || ClassOf(2, got) != 1 || ClassOf(5, got) != 2 {
			t.Errorf("%s: classes of 1, 2, 5 under %v", m, got)
		}
		single, err := Classify([]float64{3, 3}, m, 3)
		if err != nil || !reflect.DeepEqual(single, []float64{3, 3}) || ClassOf(3, single) != 0 {
			t.Errorf("%s: one value: %v %v", m, single, err)
		}
	}
}

func TestClassifyJenksKnownClusters(t *testing.T) {
	got, err := Classify([]float64{21, 1, 12, 2, 3, 10, 11, 20, 22}, Jenks, 3)
	if err != nil {
		t.Fatal(err)
	}
	if want := []float64{1, 10, 20, 22}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestClassifyJenksIsOptimal compares the natural breaks with every partition of small random
// samples into contiguous classes.
func TestClassifyJenksIsOptimal(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for run := 0; run < 300; run++ {
		n := 3 + rng.Intn(9)
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = math.Round(rng.NormFloat64()*50+float64(rng.Intn(3))*100) / 10
		}
		k := MinClasses + rng.Intn(4)
		breaks, err := Classify(xs, Jenks, k)
		if err != nil {
			t.Fatal(err)
		}
		classes := make([]int, n)
		for i, x := range xs {
			classes[i] = ClassOf(x, breaks)
		}
		sorted := append([]float64(nil), xs...)
		sort.Float64s(sorted)
		if got, want := ssd(xs, classes), bestPartition(sorted, len(breaks)-1); got > want+1e-9 {
			t.Fatalf("run %d: %v in %d classes: breaks %v cost %v, best %v", run, xs, k, breaks, got, want)
		}
	}
}

// ssd is the total squared deviation of the values from their classes' means.
func ssd(xs []float64, classes []int) float64 {
	sum, n := map[int]float64{}, map[int]float64{}
	for i, x := range xs {
		sum[classes[i]] += x
		n[classes[i]]++
	}
	total := 0.0
	for i, x := range xs {
		d := x - sum[classes[i]]/n[classes[i]]
		total += d * d
	}
	return total
}

// bestPartition tries every split of the sorted values into at most k contiguous classes.
func bestPartition(sorted []float64, k int) float64 {
	best := math.Inf(1)
	var try func(start, left int, classes []int)
	try = func(start, left int, classes []int) {
		if start == len(sorted) {
			best = math.Min(best, ssd(sorted, classes))
			return
		}
		if left == 0 {
			return
		}
		for end := start + 1; end <= len(sorted); end++ {
			next := append([]int(nil), classes...)
			for i := start; i < end; i++ {
				next = append(next, k-left)
			}
			try(end, left-1, next)
		}
	}
	try(0, k, nil)
	return best
}

func TestClassOf(t *testing.T) {
	breaks := []float64{0, 10, 20, 30}
	for v, want := range map[float64]int{-5: 0, 0: 0, 9.99: 0, 10: 1, 19: 1, 20: 2, 30: 2, 31: 2} {
		if got := ClassOf(v, breaks); got != want {
			t.Errorf("ClassOf(%v) = %d, want %d", v, got, want)
		}
	}
	if ClassOf(math.NaN(), breaks) != -1 || ClassOf(1, []float64{1}) != -1 {
		t.Error("NaN or a single break must have no class")
	}
}

func TestSchemeFor(t *testing.T) {
	for d, want := range map[Direction]Scheme{
		Neutral:      {Name: SchemeSequential},
		HigherWorse:  {Name: SchemeDiverging},
		HigherBetter: {Name: SchemeDiverging, Reversed: true},
		"":           {Name: SchemeSequential},
	} {
		if got := SchemeFor(d); got != want {
			t.Errorf("SchemeFor(%q) = %+v, want %+v", d, got, want)
		}
	}
}
