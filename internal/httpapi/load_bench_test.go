package httpapi_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// The Go load client: what wrk cannot do, sending an exact number of requests at a constant rate
// and telling when each answer came. Like wrk it runs in a separate process on loadCore (a child
// copy of this test binary, see TestMain), with keep-alive connections, and the benchmark drives
// its reference with the same client.

// loadChildEnv names the file with the loadPlan the child copy of the binary is to run.
const loadChildEnv = "TEILHABE_LOAD_PLAN"

// loadPlan is one run of the load client. Request i goes to URL with Header, the cookie
// Cookies[i%len] and the body Bodies[i%len].
type loadPlan struct {
	Method, URL string
	Header      map[string]string
	Cookies     []string
	Bodies      []string
	Conns       int // keep-alive connections
	// Paced: exactly Total requests, request i sent at start + i/Rate (fewer when the
	// connections are all busy, then as soon as one is free). Otherwise: as fast as the
	// connections allow, for Duration.
	Total    int
	Rate     float64
	Duration time.Duration
}

// loadResult is what the client measured.
type loadResult struct {
	OK, Failed int
	Failure    string // the first failure
	Elapsed    time.Duration
	P99        time.Duration
	// Done is when each successful answer arrived (Unix nanoseconds, ascending): paced runs only.
	Done []int64
	// CPU is the client process's user and system time, Wall its life.
	CPU, Wall time.Duration
}

// add is the result of both runs, one after the other (their p99: the higher one's).
func (r loadResult) add(o loadResult) loadResult {
	r.OK, r.Failed, r.Elapsed, r.CPU, r.Wall = r.OK+o.OK, r.Failed+o.Failed, r.Elapsed+o.Elapsed, r.CPU+o.CPU, r.Wall+o.Wall
	r.P99, r.Done = max(r.P99, o.P99), append(r.Done, o.Done...)
	return r
}

// rate is the successful requests per second.
func (r loadResult) rate() float64 { return float64(r.OK) / r.Elapsed.Seconds() }

// busy is the client's CPU time over the time it ran: its share of one core (1: the client may
// be the bottleneck).
func (r loadResult) busy() float64 { return r.CPU.Seconds() / r.Wall.Seconds() }

// runLoad runs the plan in a child process pinned to loadCore; any failed request fails b.
func runLoad(b *testing.B, p loadPlan) loadResult {
	b.Helper()
	path := filepath.Join(b.TempDir(), "plan.json")
	data, _ := json.Marshal(p)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		b.Fatal(err)
	}
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	cmd := loadCommand(exe, "-test.run", "^$")
	cmd.Env = append(os.Environ(), loadChildEnv+"="+path)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	t0 := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("load client: %v\n%s", err, errOut.String())
	}
	var r loadResult
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		b.Fatalf("load client result %q: %v", out.String(), err)
	}
	r.Wall = time.Since(t0)
	r.CPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if r.Failed > 0 {
		b.Fatalf("load client: %d of %d requests failed, the first: %s", r.Failed, r.OK+r.Failed, r.Failure)
	}
	return r
}

// runLoadChild is the child process: it runs the plan named by loadChildEnv and prints the
// loadResult as JSON.
func runLoadChild() int {
	data, err := os.ReadFile(os.Getenv(loadChildEnv))
	var p loadPlan
	if err == nil {
		err = json.Unmarshal(data, &p)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "load plan:", err)
		return 2
	}
	if err := json.NewEncoder(os.Stdout).Encode(p.run()); err != nil {
		return 1
	}
	return 0
}

func (p loadPlan) run() loadResult {
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{
		MaxIdleConns: p.Conns, MaxIdleConnsPerHost: p.Conns, MaxConnsPerHost: p.Conns, DisableCompression: true}}
	paced := p.Rate > 0
	var (
		mu      sync.Mutex
		res     loadResult
		lat     []time.Duration
		next    int
		wg      sync.WaitGroup
		indexes = make(chan int, max(p.Total, 1))
	)
	start := time.Now()
	deadline := start.Add(p.Duration)
	if paced {
		go func() { // the pacer: request i is due at start + i/Rate
			for i := range p.Total {
				time.Sleep(time.Until(start.Add(time.Duration(float64(i) / p.Rate * float64(time.Second)))))
				indexes <- i
			}
			close(indexes)
		}()
	}
	take := func() (int, bool) {
		if paced {
			i, ok := <-indexes
			return i, ok
		}
		mu.Lock()
		defer mu.Unlock()
		if time.Now().After(deadline) {
			return 0, false
		}
		next++
		return next - 1, true
	}
	for range p.Conns {
		wg.Go(func() {
			for {
				i, ok := take()
				if !ok {
					return
				}
				t0 := time.Now()
				err := p.send(client, i)
				done := time.Now()
				mu.Lock()
				if err != nil {
					res.Failed++
					if res.Failure == "" {
						res.Failure = err.Error()
					}
				} else {
					res.OK++
					lat = append(lat, done.Sub(t0))
					if paced {
						res.Done = append(res.Done, done.UnixNano())
					}
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	slices.Sort(lat)
	slices.Sort(res.Done)
	if len(lat) > 0 {
		res.P99 = lat[len(lat)*99/100]
	}
	return res
}

// send sends request i and reads its answer; an answer but 2xx is an error.
func (p loadPlan) send(client *http.Client, i int) error {
	var body io.Reader
	if len(p.Bodies) > 0 {
		body = strings.NewReader(p.Bodies[i%len(p.Bodies)])
	}
	req, err := http.NewRequest(p.Method, p.URL, body)
	if err != nil {
		return err
	}
	for k, v := range p.Header {
		req.Header.Set(k, v)
	}
	if len(p.Cookies) > 0 {
		req.Header.Set("Cookie", p.Cookies[i%len(p.Cookies)])
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	data, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return err
	}
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s %s = %d %s", p.Method, p.URL, resp.StatusCode, data)
	}
	return nil
}

// loadCommand is the command line of a load generator, pinned to loadCore with taskset when the
// machine has more than one core. The machine's cores are counted, not this process's: `make
// bench` pins the test binary to core 0, where runtime.NumCPU() is 1.
func loadCommand(name string, args ...string) *exec.Cmd {
	if _, err := exec.LookPath("taskset"); err == nil && machineCPUs() > 1 {
		return exec.Command("taskset", append([]string{"-c", loadCore, name}, args...)...)
	}
	return exec.Command(name, args...)
}

// machineCPUs is the number of online cores ("0-1" in /sys: 2), 1 when unknown.
func machineCPUs() int {
	data, err := os.ReadFile("/sys/devices/system/cpu/online")
	if err != nil {
		return 1
	}
	n := 0
	for _, r := range strings.Split(strings.TrimSpace(string(data)), ",") {
		var lo, hi int
		if k, _ := fmt.Sscanf(r, "%d-%d", &lo, &hi); k == 2 {
			n += hi - lo + 1
		} else {
			n++
		}
	}
	return max(n, 1)
}
