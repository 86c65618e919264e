package config_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/internal/config"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestDefaults(t *testing.T) {
	c, err := config.Load(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != ":8080" || c.DatabaseURL != "" || c.DataDir != "./data" || c.BaseURL.String() != "http://localhost:8080" || c.LogFormat != "text" || c.Demo ||
		c.SessionIdle != 2*time.Hour || c.SessionMaxAge != 12*time.Hour || c.AuthConfig != "" || c.MetricsAddr != "" {
		t.Errorf("defaults = %+v", c)
	}
	if c.SQLitePath() != "data/teilhabe.db" || c.Secure() {
		t.Errorf("sqlite path %q, secure %v", c.SQLitePath(), c.Secure())
	}
}

func TestBadValuesNameTheVariable(t *testing.T) {
	cases := map[string]map[string]string{
		"TEILHABE_ADDR":                 {"TEILHABE_ADDR": "8080"},
		"TEILHABE_DATABASE_URL":         {"TEILHABE_DATABASE_URL": "mysql://x"},
		"TEILHABE_BASE_URL":             {"TEILHABE_BASE_URL": "localhost"},
		"TEILHABE_LOG_FORMAT":           {"TEILHABE_LOG_FORMAT": "xml"},
		"TEILHABE_METRICS_ADDR":         {"TEILHABE_METRICS_ADDR": "9090"},
		"TEILHABE_DEMO":                 {"TEILHABE_DEMO": "yes"},
		"TEILHABE_SESSION_IDLE_TIMEOUT": {"TEILHABE_SESSION_IDLE_TIMEOUT": "soon"},
		"TEILHABE_SESSION_MAX_AGE":      {"TEILHABE_SESSION_MAX_AGE": "10s"},
	}
	for name, vars := range cases {
		if _, err := config.Load(env(vars)); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: error %v does not name the variable", name, err)
		}
	}
}

// TestMetricsAddr: /metrics has a listener of its own or none; never the public port.
func TestMetricsAddr(t *testing.T) {
	for _, addr := range []string{":9090", "127.0.0.1:9090", "[::1]:9090"} {
		c, err := config.Load(env(map[string]string{"TEILHABE_METRICS_ADDR": addr}))
		if err != nil || c.MetricsAddr != addr {
			t.Errorf("%s: %q, %v", addr, c.MetricsAddr, err)
		}
	}
	if _, err := config.Load(env(map[string]string{"TEILHABE_METRICS_ADDR": ":8080"})); err == nil || !strings.Contains(err.Error(), "TEILHABE_METRICS_ADDR") {
		t.Errorf("metrics on the public port accepted: %v", err)
	}
	c, _ := config.Load(env(nil))
	if logged := fmt.Sprintln(c.LogValue()...); !strings.Contains(logged, "metrics_addr off") {
		t.Errorf("start-up log does not say metrics are off: %s", logged)
	}
}

// TestBaseURLWithPath: a sub-path behind a reverse proxy is kept (without its trailing slash); one
// that a cookie path, HTML or the browser would read differently is refused.
func TestBaseURLWithPath(t *testing.T) {
	for in, want := range map[string]string{
		"https://kreis.example/teilhabe":           "https://kreis.example/teilhabe",
		"https://kreis.example/teilhabe/":          "https://kreis.example/teilhabe",
		"https://kreis.example/sozial/planung.v2/": "https://kreis.example/sozial/planung.v2",
	} {
		c, err := config.Load(env(map[string]string{"TEILHABE_BASE_URL": in}))
		if err != nil || c.BaseURL.String() != want {
			t.Errorf("%s: %v, %v", in, c.BaseURL, err)
		}
	}
	for _, bad := range []string{"https://k.example/a b", "https://k.example/a\"b", "https://k.example/../x", "https://k.example/a/./b",
		"https://k.example/t?x=1", "https://k.example/t#f", "https://k.example//t", "https://k.example/t%2Fx", "https://u@k.example/t"} {
		if _, err := config.Load(env(map[string]string{"TEILHABE_BASE_URL": bad})); err == nil || !strings.Contains(err.Error(), "TEILHABE_BASE_URL") {
			t.Errorf("%s accepted: %v", bad, err)
		}
	}
}

func TestSecretFromFileAndMasking(t *testing.T) {
	f := filepath.Join(t.TempDir(), "db")
	if err := os.WriteFile(f, []byte("postgres://app:s3cret@db:5432/teilhabe\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := config.Load(env(map[string]string{"TEILHABE_DATABASE_URL_FILE": f, "TEILHABE_BASE_URL": "https://planung.example/"}))
	if err != nil {
		t.Fatal(err)
	}
	if c.DatabaseURL != "postgres://app:s3cret@db:5432/teilhabe" || !c.Secure() || c.BaseURL.String() != "https://planung.example" {
		t.Errorf("config = %+v", c)
	}
	logged := strings.Join(strings.Fields(strings.Trim(strings.ReplaceAll(fmtAll(c.LogValue()), "s3cret", "LEAK"), "[]")), " ")
	if strings.Contains(logged, "LEAK") || !strings.Contains(logged, "xxxxx") {
		t.Errorf("password not masked: %s", logged)
	}
	if got := config.MaskURL("postgres://db/x?user=a&password=p"); strings.Contains(got, "=p") {
		t.Errorf("query password not masked: %s", got)
	}
	if _, err := config.Load(env(map[string]string{"TEILHABE_DATABASE_URL": "postgres://x", "TEILHABE_DATABASE_URL_FILE": f})); err == nil {
		t.Error("both value and _FILE accepted")
	}
	if _, err := config.Load(env(map[string]string{"TEILHABE_DATABASE_URL_FILE": "/nonexistent"})); err == nil || !strings.Contains(err.Error(), "TEILHABE_DATABASE_URL_FILE") {
		t.Errorf("missing file: %v", err)
	}
}

func fmtAll(vs []any) string {
	var b strings.Builder
	for _, v := range vs {
		if s, ok := v.(string); ok {
			b.WriteString(s + " ")
		}
	}
	return b.String()
}
