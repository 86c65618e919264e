package realtime_test

import (
	"bufio"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"
)

// child is the client process.
type child struct {
	b     *testing.B
	cmd   *exec.Cmd
	lines *bufio.Scanner
}

// startChild runs this binary as the client process, on core 1 when there are two.
func startChild(b *testing.B, mode, url string, clients, messages, rate int) *child {
	b.Helper()
	name, args := os.Args[0], []string{}
	if pinned() {
		name, args = "taskset", []string{"-c", "1", os.Args[0]}
	}
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), benchChildEnv+"="+mode, benchURLEnv+"="+url,
		benchClientsEnv+"="+strconv.Itoa(clients), benchMessagesEnv+"="+strconv.Itoa(messages), benchRateEnv+"="+strconv.Itoa(rate))
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	c := &child{b: b, cmd: cmd, lines: bufio.NewScanner(out)}
	b.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	return c
}

func (c *child) line() string {
	if !c.lines.Scan() {
		c.b.Fatalf("client process ended: %v", c.lines.Err())
	}
	return c.lines.Text()
}

// result reads the client process's result and waits for it to end.
func (c *child) result() measurement {
	line := c.line()
	var m measurement
	if err := json.Unmarshal([]byte(line), &m.clientResult); err != nil {
		c.b.Fatalf("client process result %q: %v", line, err)
	}
	if err := c.cmd.Wait(); err != nil {
		c.b.Fatalf("client process: %v", err)
	}
	st := c.cmd.ProcessState
	m.childCPU = (st.UserTime() + st.SystemTime()).Seconds()
	return m
}

var pinOnce sync.Once

// pinned reports whether server and clients get a core each: two or more cores and taskset.
func pinned() bool {
	_, err := exec.LookPath("taskset")
	return err == nil && runtime.NumCPU() > 1
}

// pinServer moves this process (every thread, and so every later one) to core 0 with one P, as
// make bench runs the other servers; the client process goes to core 1.
func pinServer(b *testing.B) {
	pinOnce.Do(func() {
		if !pinned() {
			return
		}
		if out, err := exec.Command("taskset", "-a", "-p", "-c", "0", strconv.Itoa(os.Getpid())).CombinedOutput(); err != nil {
			b.Logf("taskset: %v %s", err, out)
			return
		}
		runtime.GOMAXPROCS(1)
	})
}

// cpuSeconds is the CPU time this process has used.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// heapAndStacks is the live heap plus goroutine stacks after collecting garbage; stacks that
// grew during a connection's start shrink over repeated collections.
func heapAndStacks() int64 {
	var m runtime.MemStats
	for range 3 {
		runtime.GC()
	}
	runtime.ReadMemStats(&m)
	return int64(m.HeapInuse + m.StackInuse)
}

// ping is the facilitator's request: a trivial handler on the same server as the websockets.
func ping(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte(`{"ok":true}`)) }
