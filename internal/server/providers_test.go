package server_test

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnreachableProviderDoesNotStopStartUp: a provider whose issuer does not answer is checked at
// start, shown as down in the metrics while the reachable one is up without any login, and a login
// with it answers 503 provider_unavailable with Retry-After instead of a gateway error.
func TestUnreachableProviderDoesNotStopStartUp(t *testing.T) {
	dead := mustListen(t)
	issuer := "http://" + dead.Addr().String() + "/realms/tippfehler"
	dead.Close() // nothing listens there any more: connection refused
	f := filepath.Join(t.TempDir(), "auth.yaml")
	conf := "providers:\n  - id: kaputt\n    label: Kaputt\n    audience: staff\n    issuer: " + issuer +
		"\n    client_id: teilhabe\n    client_secret: s\n"
	if err := os.WriteFile(f, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	free := mustListen(t) // a free port for the metrics listener
	metricsAddr := free.Addr().String()
	free.Close()
	base := instanceWith(t, "", map[string]string{"TEILHABE_DEMO": "1", "TEILHABE_AUTH_CONFIG": f, "TEILHABE_METRICS_ADDR": metricsAddr})

	waitFor(t, "both providers checked", func() bool {
		_, m := get("http://" + metricsAddr + "/metrics")
		return strings.Contains(m, `teilhabe_oidc_provider_up{provider="kaputt"} 0`) &&
			strings.Contains(m, `teilhabe_oidc_provider_up{provider="verwaltung"} 1`)
	})
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(base + "/auth/login/kaputt")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" ||
		!strings.HasPrefix(resp.Header.Get("Content-Type"), "application/problem+json") || !strings.Contains(string(body), `"provider_unavailable"`) {
		t.Errorf("login with the unreachable provider = %d, Retry-After %q, %s: %s", resp.StatusCode, resp.Header.Get("Retry-After"), resp.Header.Get("Content-Type"), body)
	}
	resp, err = client.Get(base + "/auth/login/verwaltung")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		t.Errorf("login with the reachable provider = %d", resp.StatusCode)
	}
}
