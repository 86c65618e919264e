package realtime_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// The client process of the benchmarks: TestMain runs it when benchChildEnv is set.
const (
	benchChildEnv    = "REALTIME_BENCH_CHILD" // the mode: "fanout" or "join"
	benchURLEnv      = "REALTIME_BENCH_URL"
	benchClientsEnv  = "REALTIME_BENCH_CLIENTS"
	benchMessagesEnv = "REALTIME_BENCH_MESSAGES" // fanout: events each client reads
	benchRateEnv     = "REALTIME_BENCH_RATE"     // join: clients per second
)

func runBenchClients() int {
	raiseFileLimit(nil)
	target, clients := os.Getenv(benchURLEnv), envInt(benchClientsEnv, 100)
	var res clientResult
	var err error
	switch os.Getenv(benchChildEnv) {
	case "fanout":
		res, err = fanoutClients(target, clients, envInt(benchMessagesEnv, 60))
	case "join":
		res, err = joinClients(target, clients, envInt(benchRateEnv, 100))
	default:
		err = fmt.Errorf("unknown mode %q", os.Getenv(benchChildEnv))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench clients:", err)
		return 1
	}
	line, _ := json.Marshal(res)
	fmt.Println(string(line))
	return 0
}

var benchDialer = &websocket.Dialer{HandshakeTimeout: 30 * time.Second, ReadBufferSize: 4096, WriteBufferSize: 512}

func benchDial(wsURL string) (*websocket.Conn, error) {
	ws, _, err := benchDialer.Dial(wsURL, http.Header{"Origin": {testOrigin}})
	return ws, err
}

// fanoutClients connects the clients, says "ready", then reads on every connection until it has
// the expected number of events (counting every line of a message) or the deadline passes, and
// reports the latency percentiles. One goroutine per connection is what gorilla's blocking reads
// need; each reuses one buffer and parses nothing but the sender's timestamp.
func fanoutClients(wsURL string, clients, messages int) (clientResult, error) {
	conns := make([]*websocket.Conn, clients)
	sem := make(chan struct{}, 16)
	var wg sync.WaitGroup
	var dialErr atomic.Value
	for i := range conns {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			ws, err := benchDial(wsURL)
			if err != nil {
				dialErr.Store(err)
				return
			}
			conns[i] = ws
		})
	}
	wg.Wait()
	if err := dialErr.Load(); err != nil {
		return clientResult{}, fmt.Errorf("dial: %v", err)
	}
	fmt.Println("ready")

	cpu, start := cpuSeconds(), time.Now()
	deadline := time.Now().Add(time.Duration(messages)*time.Second/fanoutRate + 15*time.Second)
	latencies := make([][]uint32, clients) // microseconds
	for i, ws := range conns {
		wg.Go(func() {
			defer ws.Close()
			_ = ws.SetReadDeadline(deadline)
			lat := make([]uint32, 0, messages)
			var buf bytes.Buffer
			for len(lat) < messages {
				_, r, err := ws.NextReader()
				if err != nil {
					break
				}
				buf.Reset()
				if _, err := buf.ReadFrom(r); err != nil {
					break
				}
				now := time.Now().UnixNano()
				for msg := buf.Bytes(); len(msg) > 0; {
					line := msg
					if j := bytes.IndexByte(msg, '\n'); j >= 0 {
						line, msg = msg[:j], msg[j+1:]
					} else {
						msg = nil
					}
					lat = append(lat, uint32(max(0, now-sentAt(line))/1000))
				}
			}
			latencies[i] = lat
		})
	}
	wg.Wait()
	res := clientResult{Expected: clients * messages}
	res.Busy = (cpuSeconds() - cpu) / time.Since(start).Seconds()
	all := make([]uint32, 0, res.Expected)
	for _, l := range latencies {
		all = append(all, l...)
	}
	res.Received = len(all)
	res.P50, res.P99, res.Max = percentiles(all)
	return res, nil
}

var sentKey = []byte(`"t":`)

// sentAt is the sender's timestamp in an event's data, {"t":<unix ns>,...}; 0 if there is none.
func sentAt(line []byte) int64 {
	i := bytes.Index(line, sentKey)
	if i < 0 {
		return 0
	}
	line = line[i+len(sentKey):]
	var n int64
	for _, c := range line {
		if c < '0' || c > '9' {
			break
		}
		n = 10*n + int64(c-'0')
	}
	return n
}

// percentiles of microseconds, in milliseconds: p50, p99, max.
func percentiles(us []uint32) (p50, p99, maxi float64) {
	if len(us) == 0 {
		return 0, 0, 0
	}
	slices.Sort(us)
	ms := func(v uint32) float64 { return float64(v) / 1000 }
	n := len(us)
	return ms(us[n/2]), ms(us[min(n-1, n*99/100)]), ms(us[n-1])
}

// joinClients dials the clients evenly spread at rate per second, each waiting for its first
// message and then holding its connection open, while a facilitator's request goes to the same
// server ten times a second. A goroutine lives per join in flight only.
func joinClients(wsURL string, clients, rate int) (clientResult, error) {
	u, err := url.Parse(wsURL)
	if err != nil {
		return clientResult{}, err
	}
	pingURL := "http://" + u.Host + "/ping"
	res := clientResult{Expected: clients}
	joins := make([]uint32, clients) // microseconds from dial to first message; 0: failed
	var lastFirst atomic.Int64       // unix ns of the latest first message
	var held sync.Mutex
	var conns []*websocket.Conn
	var failed atomic.Value

	stop := make(chan struct{})
	var requests []uint32
	var pinger sync.WaitGroup
	pinger.Go(func() {
		client := &http.Client{Timeout: 10 * time.Second}
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
			start := time.Now()
			resp, err := client.Get(pingURL)
			if err != nil {
				failed.Store(err)
				continue
			}
			_ = resp.Body.Close()
			requests = append(requests, uint32(time.Since(start).Microseconds()))
		}
	})

	start, cpu := time.Now(), cpuSeconds()
	var wg sync.WaitGroup
	for i := range clients {
		time.Sleep(time.Until(start.Add(time.Duration(i) * time.Second / time.Duration(rate))))
		wg.Go(func() {
			t0 := time.Now()
			ws, err := benchDial(wsURL)
			if err != nil {
				failed.Store(err)
				return
			}
			_ = ws.SetReadDeadline(time.Now().Add(30 * time.Second))
			if _, _, err := ws.NextReader(); err != nil {
				failed.Store(err)
				_ = ws.Close()
				return
			}
			now := time.Now()
			joins[i] = uint32(max(1, now.Sub(t0).Microseconds()))
			for {
				old := lastFirst.Load()
				if now.UnixNano() <= old || lastFirst.CompareAndSwap(old, now.UnixNano()) {
					break
				}
			}
			held.Lock()
			conns = append(conns, ws) // held open until the end, as joined clients are
			held.Unlock()
		})
	}
	wg.Wait()
	res.Busy = (cpuSeconds() - cpu) / time.Since(start).Seconds()
	close(stop)
	pinger.Wait()
	for _, ws := range conns {
		_ = ws.Close()
	}
	if err := failed.Load(); err != nil {
		fmt.Fprintln(os.Stderr, "bench clients: join:", err)
	}
	ok := slices.DeleteFunc(joins, func(v uint32) bool { return v == 0 })
	res.Received = len(ok)
	res.P50, res.P99, res.Max = percentiles(ok)
	if n := lastFirst.Load(); n > 0 {
		res.BurstS = time.Duration(n - start.UnixNano()).Seconds()
	}
	_, res.HTTPP99, _ = percentiles(requests)
	return res, nil
}
