package realtime_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/internal/realtime"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// Knobs of BenchmarkFanout. The defaults (1,000 clients, 3 s at 20 messages per second) take about
// ten seconds for both systems together; -short uses 200 clients for 2 s.
const (
	fanoutChildEnv    = "REALTIME_FANOUT_CHILD" // set in the child: the websocket URL
	fanoutClientsEnv  = "REALTIME_FANOUT_CLIENTS"
	fanoutSecondsEnv  = "REALTIME_FANOUT_SECONDS"
	fanoutMessagesEnv = "REALTIME_FANOUT_MESSAGES"
	fanoutRate        = 20 // messages per second
	fanoutRoom        = "workshop:1"
)

// fanoutResult is what the client process reports, as one JSON line.
type fanoutResult struct {
	P50, P99, Max float64 // milliseconds
	Received      int
	Expected      int
}

// BenchmarkFanout measures delivery latency (p99, from the moment the sender decides to send to
// the moment a client has the message) and server memory per connection for one room with many
// loopback websocket clients, for the broker (SQLite, in-process bus) and for a minimal gorilla
// broadcast hub as the reference. The clients run in a child process, so the memory figures are
// the server's alone and client garbage does not pause the server. Targets: p99 within 1.2x the
// reference, under 30 KB per connection (reported, not asserted).
func BenchmarkFanout(b *testing.B) {
	raiseFileLimit(b)
	clients, seconds := 1000, 3
	if testing.Short() {
		clients, seconds = 200, 2
	}
	clients = envInt(fanoutClientsEnv, clients)
	seconds = envInt(fanoutSecondsEnv, seconds)
	messages := seconds * fanoutRate

	for range b.N {
		ours := measureFanout(b, clients, messages, startBrokerTarget)
		ref := measureFanout(b, clients, messages, startReferenceTarget)
		b.ReportMetric(ours.P99, "p99_ms")
		b.ReportMetric(ref.P99, "ref_p99_ms")
		b.ReportMetric(ours.P99/max(ref.P99, 0.001), "p99_ratio")
		b.ReportMetric(ours.P50, "p50_ms")
		b.ReportMetric(ref.P50, "ref_p50_ms")
		b.ReportMetric(ours.bytesPerConn, "bytes_per_conn")
		b.ReportMetric(ref.bytesPerConn, "ref_bytes_per_conn")
		b.ReportMetric(float64(ours.Expected-ours.Received), "lost")
	}
}

// fanoutTarget is a running server under measurement.
type fanoutTarget struct {
	url   string
	conns func() int
	send  func(data []byte) // sends one message to the room
	stop  func()
}

type fanoutMeasurement struct {
	fanoutResult
	bytesPerConn float64
}

func measureFanout(b *testing.B, clients, messages int, start func(b *testing.B) *fanoutTarget) fanoutMeasurement {
	b.Helper()
	target := start(b)
	defer target.stop()
	before := heapAndStacks()

	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), fanoutChildEnv+"="+target.url, fanoutClientsEnv+"="+strconv.Itoa(clients), fanoutMessagesEnv+"="+strconv.Itoa(messages))
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	lines := bufio.NewScanner(out)
	if !lines.Scan() || lines.Text() != "ready" {
		b.Fatalf("client process: %q %v", lines.Text(), lines.Err())
	}
	waitFor(b, 30*time.Second, "all connections at the server", func() bool { return target.conns() == clients })
	time.Sleep(200 * time.Millisecond) // let registrations and replays settle
	perConn := float64(heapAndStacks()-before) / float64(clients)

	tick := time.NewTicker(time.Second / fanoutRate)
	for i := range messages {
		<-tick.C
		data, _ := json.Marshal(map[string]int64{"t": time.Now().UnixNano(), "i": int64(i)})
		target.send(data)
	}
	tick.Stop()

	if !lines.Scan() {
		b.Fatalf("client process ended without a result: %v", lines.Err())
	}
	var res fanoutResult
	if err := json.Unmarshal(lines.Bytes(), &res); err != nil {
		b.Fatalf("client process result %q: %v", lines.Text(), err)
	}
	return fanoutMeasurement{fanoutResult: res, bytesPerConn: perConn}
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

func startBrokerTarget(b *testing.B) *fanoutTarget {
	db := testdb.SQLite(b)
	broker := realtime.NewBroker(store.NewEvents(db), realtime.NewLocalBus(), nil, testLog(), realtime.Options{AllowedOrigins: []string{testOrigin}})
	broker.RegisterKind("workshop", func(context.Context, identity.Principal, string) ([]string, error) { return nil, nil })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- broker.Run(ctx) }()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = broker.ServeWS(w, r, realtime.Subscription{Room: fanoutRoom})
	}))
	return &fanoutTarget{
		url:   "ws" + strings.TrimPrefix(srv.URL, "http"),
		conns: broker.Connections,
		send: func(data []byte) {
			var ev realtime.Event
			err := db.Gorm.Transaction(func(tx *gorm.DB) (err error) {
				ev, err = store.AppendEvent(tx, fanoutRoom, realtime.Everyone, "bench.tick", json.RawMessage(data))
				return err
			})
			if err != nil {
				b.Error(err)
				return
			}
			broker.Published(fanoutRoom, ev.Seq)
		},
		stop: func() { cancel(); <-done; srv.Close() },
	}
}

// refHub is the reference: a minimal gorilla/websocket broadcast hub in the style of gorilla's
// chat example (one hub goroutine, a buffered send channel and a write goroutine per client,
// non-blocking broadcast), without storage, replay or sequence bookkeeping.
type refHub struct {
	register, unregister chan *refClient
	broadcast            chan []byte
	done                 chan struct{} // closed when run has returned
	count                atomic.Int64
}

type refClient struct {
	ws   *websocket.Conn
	send chan []byte
}

func (h *refHub) run(ctx context.Context) {
	defer close(h.done)
	clients := map[*refClient]bool{}
	for {
		select {
		case <-ctx.Done():
			for c := range clients {
				close(c.send)
			}
			return
		case c := <-h.register:
			clients[c] = true
		case c := <-h.unregister:
			if clients[c] {
				delete(clients, c)
				close(c.send)
			}
		case msg := <-h.broadcast:
			for c := range clients {
				select {
				case c.send <- msg:
				default:
					delete(clients, c)
					close(c.send)
				}
			}
		}
	}
}

func (h *refHub) serve(w http.ResponseWriter, r *http.Request) {
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	ws, err := up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	h.count.Add(1)
	defer h.count.Add(-1)
	c := &refClient{ws: ws, send: make(chan []byte, 256)}
	select {
	case h.register <- c:
	case <-h.done:
		_ = ws.Close()
		return
	}
	go func() { // write pump
		ping := time.NewTicker(25 * time.Second)
		defer ping.Stop()
		defer ws.Close()
		for {
			select {
			case msg, ok := <-c.send:
				if !ok {
					return
				}
				_ = ws.SetWriteDeadline(time.Now().Add(10 * time.Second))
				if ws.WriteMessage(websocket.TextMessage, msg) != nil {
					return
				}
			case <-ping.C:
				if ws.WriteControl(websocket.PingMessage, nil, time.Now().Add(10*time.Second)) != nil {
					return
				}
			}
		}
	}()
	ws.SetReadLimit(4096)
	for { // read pump
		if _, _, err := ws.ReadMessage(); err != nil {
			break
		}
	}
	select {
	case h.unregister <- c:
	case <-h.done:
	}
}

func startReferenceTarget(*testing.B) *fanoutTarget {
	h := &refHub{register: make(chan *refClient), unregister: make(chan *refClient), broadcast: make(chan []byte), done: make(chan struct{})}
	ctx, cancel := context.WithCancel(context.Background())
	go h.run(ctx)
	srv := httptest.NewServer(http.HandlerFunc(h.serve))
	var seq atomic.Int64
	return &fanoutTarget{
		url:   "ws" + strings.TrimPrefix(srv.URL, "http"),
		conns: func() int { return int(h.count.Load()) },
		send: func(data []byte) {
			// The same message shape as the broker's, so both write the same bytes.
			msg, _ := json.Marshal(realtime.Event{Room: fanoutRoom, Seq: seq.Add(1), Type: "bench.tick", Data: data})
			h.broadcast <- msg
		},
		stop: func() { cancel(); srv.CloseClientConnections(); srv.Close() },
	}
}

// runFanoutClients is the child process: it connects the clients, says "ready", reads the
// expected number of messages on every connection and prints the latency percentiles.
func runFanoutClients() int {
	raiseFileLimit(nil)
	url := os.Getenv(fanoutChildEnv)
	clients, messages := envInt(fanoutClientsEnv, 1000), envInt(fanoutMessagesEnv, 60)
	conns := make([]*websocket.Conn, clients)
	sem := make(chan struct{}, 16)
	var wg sync.WaitGroup
	var dialErr atomic.Value
	for i := range conns {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			ws, _, err := websocket.DefaultDialer.Dial(url, http.Header{"Origin": {testOrigin}})
			if err != nil {
				dialErr.Store(err)
				return
			}
			conns[i] = ws
		})
	}
	wg.Wait()
	if err := dialErr.Load(); err != nil {
		fmt.Fprintln(os.Stderr, "fanout clients: dial:", err)
		return 1
	}
	fmt.Println("ready")

	deadline := time.Now().Add(time.Duration(messages)*time.Second/fanoutRate + 30*time.Second)
	latencies := make([][]float64, clients)
	for i, ws := range conns {
		wg.Go(func() {
			defer ws.Close()
			_ = ws.SetReadDeadline(deadline)
			lat := make([]float64, 0, messages)
			for len(lat) < messages {
				_, msg, err := ws.ReadMessage()
				if err != nil {
					break
				}
				now := time.Now().UnixNano()
				var ev struct {
					Data struct {
						T int64 `json:"t"`
					} `json:"data"`
				}
				if json.Unmarshal(msg, &ev) == nil {
					lat = append(lat, float64(now-ev.Data.T)/1e6)
				}
			}
			latencies[i] = lat
		})
	}
	wg.Wait()
	var all []float64
	for _, l := range latencies {
		all = append(all, l...)
	}
	slices.Sort(all)
	res := fanoutResult{Received: len(all), Expected: clients * messages}
	if n := len(all); n > 0 {
		res.P50, res.P99, res.Max = all[n/2], all[min(n-1, n*99/100)], all[n-1]
	}
	line, _ := json.Marshal(res)
	fmt.Println(string(line))
	return 0
}

// raiseFileLimit lifts the soft limit on open files to the hard one: a thousand sockets on each
// side of loopback exceed common defaults.
func raiseFileLimit(tb testing.TB) {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return
	}
	lim.Cur = lim.Max
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil && tb != nil {
		tb.Logf("raise file limit: %v", err)
	}
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}
