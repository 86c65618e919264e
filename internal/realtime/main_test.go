package realtime_test

import (
	"os"
	"testing"

	"github.com/teilhabe/teilhabe/internal/testdb"
)

func TestMain(m *testing.M) {
	// The benchmarks run their websocket clients in a child copy of this binary, so that the
	// parent's memory figures are the server's alone; the child needs no database.
	if os.Getenv(benchChildEnv) != "" {
		os.Exit(runBenchClients())
	}
	os.Exit(testdb.Main(m))
}
