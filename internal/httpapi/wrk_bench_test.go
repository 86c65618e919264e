package httpapi_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The load of the HTTP benchmarks comes from wrk, a separate process pinned with taskset to
// loadCore, while `make bench` pins the test process (the server) to core 0: on a 2-core machine a
// Go client inside the test process would take the server's CPU and cap both sides of a ratio.
// PostgreSQL, a third process, runs on either core.
const (
	loadCore     = "1"
	loadDuration = "4s"
)

// wrkResult is what one wrk run measured.
type wrkResult struct {
	rate float64       // requests per second
	p99  time.Duration // 99th percentile latency
}

var (
	wrkRate = regexp.MustCompile(`Requests/sec:\s+([0-9.]+)`)
	wrkP99  = regexp.MustCompile(`\n\s+99%\s+([0-9.]+)(us|ms|s)\n`)
)

// runWrk drives url with benchClients connections from one wrk thread. script is a wrk Lua script
// (request shape and headers), empty for a plain GET. Any answer but 2xx fails the benchmark.
func runWrk(b *testing.B, url, script string) wrkResult {
	b.Helper()
	wrk, err := exec.LookPath("wrk")
	if err != nil {
		b.Skip("wrk is not installed (apt-get install wrk)")
	}
	path := filepath.Join(b.TempDir(), "bench.lua")
	if err := os.WriteFile(path, []byte(script), 0o600); err != nil {
		b.Fatal(err)
	}
	out, err := loadCommand(wrk, "-t", "1", "-c", strconv.Itoa(benchClients), "-d", loadDuration, "--latency", "-s", path, url).CombinedOutput()
	if err != nil {
		b.Fatalf("wrk: %v\n%s", err, out)
	}
	rate, p99 := wrkRate.FindSubmatch(out), wrkP99.FindSubmatch(out)
	if rate == nil || p99 == nil || strings.Contains(string(out), "Non-2xx") || strings.Contains(string(out), "Socket errors") {
		b.Fatalf("wrk output not understood or with errors:\n%s", out)
	}
	r, _ := strconv.ParseFloat(string(rate[1]), 64)
	d, _ := strconv.ParseFloat(string(p99[1]), 64)
	unit := map[string]time.Duration{"us": time.Microsecond, "ms": time.Millisecond, "s": time.Second}[string(p99[2])]
	return wrkResult{rate: r, p99: time.Duration(d * float64(unit))}
}

// luaHeaders is a wrk script that sends the given headers with every request.
func luaHeaders(headers map[string]string) string {
	var b strings.Builder
	for k, v := range headers {
		fmt.Fprintf(&b, "wrk.headers[%q] = %q\n", k, v)
	}
	return b.String()
}

// luaPost is a wrk script that POSTs JSON bodies numbered per request, with the given headers.
func luaPost(headers map[string]string) string {
	var b strings.Builder
	b.WriteString("wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n")
	b.WriteString(luaHeaders(headers))
	b.WriteString(`n = 0
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, '{"body":"Beitrag ' .. n .. ' mit etwas Text"}')
end
`)
	return b.String()
}
