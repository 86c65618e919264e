package server_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/teilhabe/teilhabe/internal/config"
	"github.com/teilhabe/teilhabe/internal/server"
)

func cfgWith(t *testing.T, vars map[string]string) config.Config {
	t.Helper()
	vars["TEILHABE_DATA_DIR"] = t.TempDir()
	c, err := config.Load(func(k string) string { return vars[k] })
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestDemoModeServesTheDevelopmentProvider(t *testing.T) {
	cfg := cfgWith(t, map[string]string{"TEILHABE_DEMO": "1"})
	base, _ := start(t, cfg, server.Options{})
	waitFor(t, "ready", func() bool { s, _ := get(base + "/readyz"); return s == 200 })
	// The issuer is the public base URL; discovery must answer under it.
	if s, body := get(base + "/devidp/.well-known/openid-configuration"); s != 200 || !strings.Contains(body, `"issuer":"http://localhost:8080/devidp"`) {
		t.Errorf("discovery = %d %s", s, body)
	}
	_, body := get(base + "/api/v1/auth/providers")
	for _, label := range []string{"Verwaltung", "Träger", "Bürgerinnen und Bürger"} {
		if !strings.Contains(body, label) {
			t.Errorf("providers lack %s: %s", label, body)
		}
	}
	if _, body := get(base + "/api/v1/organisations"); !strings.Contains(body, "diakonie-erfurt") {
		t.Errorf("demo organisations missing: %s", body)
	}
}

func TestWithoutDemoThereIsNoDevelopmentLogin(t *testing.T) {
	base, _ := start(t, cfgWith(t, map[string]string{}), server.Options{})
	waitFor(t, "ready", func() bool { s, _ := get(base + "/readyz"); return s == 200 })
	if _, body := get(base + "/api/v1/auth/providers"); body != `{"items":[]}`+"\n" {
		t.Errorf("providers without configuration = %q", body)
	}
	if s, _ := get(base + "/auth/login/verwaltung"); s != 404 {
		t.Errorf("demo login reachable outside demo mode: %d", s)
	}
	if s, body := get(base + "/devidp/jwks"); strings.Contains(body, `"keys"`) {
		t.Errorf("development provider reachable outside demo mode: %d %s", s, body)
	}
}

func TestBrokenProvidersFileStopsStartUp(t *testing.T) {
	f := filepath.Join(t.TempDir(), "auth.yaml")
	if err := os.WriteFile(f, []byte("providers:\n  - id: x\n    label: X\n    audience: everyone\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := server.Run(ctx, cfgWith(t, map[string]string{"TEILHABE_AUTH_CONFIG": f}), quiet, server.Options{Listener: mustListen(t)})
	if err == nil || !strings.Contains(err.Error(), "line 2") || !strings.Contains(err.Error(), "audience") {
		t.Fatalf("Run = %v, want the line and the reason", err)
	}
}
