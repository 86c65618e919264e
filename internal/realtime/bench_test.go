package realtime_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/internal/realtime"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// The benchmarks of the real-time layer run their websocket clients in a child copy of this
// binary (bench_client_test.go), pinned to another core than the server when the machine has
// two: the memory figures are then the server's alone, client garbage does not pause the server,
// and the load generator cannot steal the server's core. Each measures the broker (SQLite,
// in-process bus, an authoriser that looks something up) against a minimal gorilla hub as the
// reference, in the same run. Targets are reported, not asserted.
//
// others_busy is what the machine's other processes took meanwhile: on a shared machine, figures
// measured with it above about 0.2 cores are noise. Under such contention the broker degrades
// far more than the reference: each event's path makes database syscalls (the commit; without
// Broker.Deliver also the hub's read of the log, after the publisher and the bus), and a goroutine
// that loses its P in one waits behind every runnable writer.
//
// Knobs (environment): REALTIME_FANOUT_CLIENTS and _SECONDS, REALTIME_CHAT_CLIENTS and _SECONDS,
// REALTIME_JOIN_CLIENTS and _SECONDS; REALTIME_DIRECT=0 sends events by announcement only
// (without Broker.Deliver, as before the relay handed them over). -short makes every benchmark
// small.
const (
	fanoutClientsEnv = "REALTIME_FANOUT_CLIENTS"
	fanoutSecondsEnv = "REALTIME_FANOUT_SECONDS"
	chatClientsEnv   = "REALTIME_CHAT_CLIENTS"
	chatSecondsEnv   = "REALTIME_CHAT_SECONDS"
	joinClientsEnv   = "REALTIME_JOIN_CLIENTS"
	joinSecondsEnv   = "REALTIME_JOIN_SECONDS"
	directEnv        = "REALTIME_DIRECT" // "0": announce only, as before Broker.Deliver

	fanoutRate = 20 // messages per second
	benchRoom  = "workshop:1"
)

// BenchmarkFanout: one room, 5,000 clients (-short: 200), a new question (about 300 bytes of
// data) 20 times a second for 3 s. Delivery latency p99 (from the moment the sender decides to
// send to the moment a client has the message) against the minimal gorilla hub, and the
// server's memory per connection. Targets: p99 within 1.2x the reference, under 30 KB per
// connection.
func BenchmarkFanout(b *testing.B) {
	clients, seconds := shortOr(200, 5000), shortOr(2, 3)
	benchFanout(b, envInt(fanoutClientsEnv, clients), envInt(fanoutSecondsEnv, seconds), questionData, startReferenceTarget)
}

// BenchmarkFanout10k is BenchmarkFanout with 10,000 clients, for the record.
func BenchmarkFanout10k(b *testing.B) {
	if testing.Short() {
		b.Skip("10,000 clients: not in -short")
	}
	benchFanout(b, 10000, 3, questionData, startReferenceTarget)
}

// BenchmarkChatBurst: 5,000 clients (-short: 200) of one room, 20 chat messages a second for 15 s
// (-short: 2 s), that is 100,000 deliveries a second, through the store and the broker, against a
// reference hub that joins a connection's queued messages into one write as gorilla's chat
// example does. Target: p99 within 1.2x the reference, nothing lost.
func BenchmarkChatBurst(b *testing.B) {
	clients, seconds := shortOr(200, 5000), shortOr(2, 15)
	benchFanout(b, envInt(chatClientsEnv, clients), envInt(chatSecondsEnv, seconds), chatData, startBatchReferenceTarget)
}

func benchFanout(b *testing.B, clients, seconds int, data func(i int) []byte, reference func(*testing.B) *benchTarget) {
	pinServer(b)
	raiseFileLimit(b)
	messages := seconds * fanoutRate
	for range b.N {
		ours := measureFanout(b, clients, messages, data, startBrokerTarget)
		ref := measureFanout(b, clients, messages, data, reference)
		b.ReportMetric(ours.P99, "p99_ms")
		b.ReportMetric(ref.P99, "ref_p99_ms")
		b.ReportMetric(ours.P99/max(ref.P99, 0.001), "p99_ratio")
		b.ReportMetric(ours.P50, "p50_ms")
		b.ReportMetric(ref.P50, "ref_p50_ms")
		b.ReportMetric(ours.bytesPerConn, "bytes_per_conn")
		b.ReportMetric(ref.bytesPerConn, "ref_bytes_per_conn")
		b.ReportMetric(float64(ours.Expected-ours.Received), "lost")
		b.ReportMetric(float64(ref.Expected-ref.Received), "ref_lost")
		b.ReportMetric(ours.childCPU, "child_cpu_s")
		b.ReportMetric(ours.Busy, "child_busy")
		b.ReportMetric(ref.Busy, "ref_child_busy")
		b.ReportMetric(ours.serverBusy, "server_busy")
		b.ReportMetric(ref.serverBusy, "ref_server_busy")
		b.ReportMetric(max(ours.othersBusy, ref.othersBusy), "others_busy")
	}
}

// BenchmarkJoinBurst: a room with 200 events; 2,000 clients (-short: 100) join within 10 s
// (-short: 1 s), evenly spread, each with since = the newest seq but one, so each is sent the
// room's current event as its first message (the reference writes one welcome message on
// connect). burst_s is from the first dial to the last client's first message; join_p99_ms a
// client's dial to its first message; http_p99_ms a facilitator's request to a trivial handler on
// the same server, 10 a second during the burst. Target: burst within 2x the reference.
func BenchmarkJoinBurst(b *testing.B) {
	pinServer(b)
	raiseFileLimit(b)
	clients, seconds := envInt(joinClientsEnv, shortOr(100, 2000)), envInt(joinSecondsEnv, shortOr(1, 10))
	for range b.N {
		ours := measureJoin(b, clients, seconds, startBrokerTarget)
		ref := measureJoin(b, clients, seconds, startReferenceTarget)
		b.ReportMetric(ours.BurstS, "burst_s")
		b.ReportMetric(ref.BurstS, "ref_burst_s")
		b.ReportMetric(ours.BurstS/max(ref.BurstS, 0.001), "burst_ratio")
		b.ReportMetric(ours.P99, "join_p99_ms")
		b.ReportMetric(ref.P99, "ref_join_p99_ms")
		b.ReportMetric(ours.HTTPP99, "http_p99_ms")
		b.ReportMetric(ref.HTTPP99, "ref_http_p99_ms")
		b.ReportMetric(float64(ours.Expected-ours.Received), "failed")
		b.ReportMetric(ours.childCPU, "child_cpu_s")
		b.ReportMetric(ours.Busy, "child_busy")
		b.ReportMetric(ours.serverBusy, "server_busy")
		b.ReportMetric(ref.serverBusy, "ref_server_busy")
		b.ReportMetric(max(ours.othersBusy, ref.othersBusy), "others_busy")
	}
}

// clientResult is what the client process reports, as one JSON line.
type clientResult struct {
	P50, P99, Max float64 // milliseconds: delivery latency, or dial to first message
	Received      int     // events read, or clients that got their first message
	Expected      int
	BurstS        float64 // join: first dial to the last first message
	HTTPP99       float64 // join: the facilitator's requests, milliseconds
	Busy          float64 // the client process's CPU over wall time while reading (1: a core)
}

type measurement struct {
	clientResult
	bytesPerConn float64
	childCPU     float64 // seconds of CPU the client process used
	serverCPU    float64 // seconds of CPU this process used meanwhile
	serverBusy   float64 // serverCPU over the wall time (1: its core)
	othersBusy   float64 // cores the machine's other processes kept busy meanwhile: noise
}

// benchTarget is a running server under measurement.
type benchTarget struct {
	url   string // the websocket; the facilitator's request is url's host + /ping
	conns func() int
	send  func(data []byte) int64 // sends one message to the room, returns its seq
	stop  func()
}

func measureFanout(b *testing.B, clients, messages int, data func(i int) []byte, start func(*testing.B) *benchTarget) measurement {
	b.Helper()
	target := start(b)
	defer target.stop()
	before := heapAndStacks()
	child := startChild(b, "fanout", target.url, clients, messages, 0)
	if line := child.line(); line != "ready" {
		b.Fatalf("client process: %q", line)
	}
	waitFor(b, 60*time.Second, "all connections at the server", func() bool { return target.conns() == clients })
	time.Sleep(200 * time.Millisecond) // let registrations settle
	perConn := float64(heapAndStacks()-before) / float64(clients)

	cpu, began, machine := cpuSeconds(), time.Now(), machineBusy()
	tick := time.NewTicker(time.Second / fanoutRate)
	for i := range messages {
		<-tick.C
		target.send(data(i))
	}
	tick.Stop()
	m := child.result()
	m.bytesPerConn = perConn
	m.measured(cpu, began, machine)
	return m
}

func measureJoin(b *testing.B, clients, seconds int, start func(*testing.B) *benchTarget) measurement {
	b.Helper()
	target := start(b)
	defer target.stop()
	var last int64
	for i := range 200 {
		last = target.send(questionData(i))
	}
	time.Sleep(100 * time.Millisecond) // let the announcements settle
	cpu, began, machine := cpuSeconds(), time.Now(), machineBusy()
	child := startChild(b, "join", target.url+"?since="+strconv.FormatInt(last-1, 10), clients, 0, max(1, clients/seconds))
	m := child.result()
	m.measured(cpu, began, machine)
	return m
}

// measured completes m with the server's CPU since cpu and began and what the machine's other
// processes used meanwhile (the child's CPU is only known for its whole life, so its busy share
// of the measured phase stands in for it).
func (m *measurement) measured(cpu float64, began time.Time, machine float64) {
	wall := time.Since(began).Seconds()
	m.serverCPU = cpuSeconds() - cpu
	m.serverBusy = m.serverCPU / wall
	m.othersBusy = max(0, (machineBusy()-machine)/wall-m.serverBusy-m.Busy)
}

// machineBusy is the CPU time all processes have used, from /proc/stat (0 where there is none).
func machineBusy() float64 {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0
	}
	line, _, _ := strings.Cut(string(b), "\n")
	fields := strings.Fields(line)
	var busy float64
	for i, f := range fields[1:] {
		if i == 3 || i == 4 { // idle, iowait
			continue
		}
		n, _ := strconv.ParseFloat(f, 64)
		busy += n
	}
	return busy / 100 // USER_HZ
}

// Sizes of the messages: a new question of a workshop, and a chat line.
var (
	questionText = strings.Repeat("Wie wird die Radverbindung zwischen Altstadt und Bahnhof sicherer? ", 3)[:200]
	chatText     = "Ich finde die Idee mit dem Quartiersplatz gut, aber wer pflegt die Beete?"
)

func questionData(i int) []byte {
	b, _ := json.Marshal(map[string]any{"t": time.Now().UnixNano(), "id": i + 1, "author": "Teilnehmerin 17", "text": questionText, "votes": 0, "created_at": "2026-12-02T14:00:00Z"})
	return b
}

func chatData(i int) []byte {
	b, _ := json.Marshal(map[string]any{"t": time.Now().UnixNano(), "id": i + 1, "author": "Gast 4", "text": chatText})
	return b
}

func startBrokerTarget(b *testing.B) *benchTarget {
	direct := os.Getenv(directEnv) != "0"
	db := testdb.SQLite(b)
	events := store.NewEvents(db)
	broker := realtime.NewBroker(events, realtime.NewLocalBus(), nil, testLog(), realtime.Options{AllowedOrigins: []string{testOrigin}})
	// A workshop guest's token is looked up at every upgrade: one read of the database.
	broker.RegisterKind("workshop", func(ctx context.Context, _ identity.Principal, id string) ([]string, error) {
		_, err := events.LastSeq(ctx, "workshop:"+id)
		return nil, err
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- broker.Run(ctx) }()
	mux := http.NewServeMux()
	mux.HandleFunc("/ping", ping)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		since, _ := strconv.ParseInt(r.URL.Query().Get("since"), 10, 64)
		if err := broker.ServeWS(w, r, realtime.Subscription{Room: benchRoom, Since: since}); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})
	srv := httptest.NewServer(mux)
	return &benchTarget{
		url:   "ws" + strings.TrimPrefix(srv.URL, "http") + "/",
		conns: broker.Connections,
		send: func(data []byte) int64 {
			var ev realtime.Event
			err := db.Gorm.Transaction(func(tx *gorm.DB) (err error) {
				ev, err = store.AppendEvent(tx, benchRoom, realtime.Everyone, "question.created", json.RawMessage(data))
				return err
			})
			if err != nil {
				b.Error(err)
				return 0
			}
			if direct {
				broker.Deliver([]realtime.Event{ev}) // as the outbox's relay does after its commit
			}
			broker.Published(benchRoom, ev.Seq)
			return ev.Seq
		},
		stop: func() { cancel(); <-done; srv.Close() },
	}
}

// raiseFileLimit lifts the soft limit on open files to the hard one: thousands of sockets on
// each side of loopback exceed common defaults.
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

// shortOr is small under -short, full otherwise.
func shortOr(small, full int) int {
	if testing.Short() {
		return small
	}
	return full
}
