package httpapi_test

import (
	"net/http"
	"testing"

	"github.com/teilhabe/teilhabe/internal/auth"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

type providerStatusBody struct {
	Items []struct {
		ID           string  `json:"id"`
		State        string  `json:"state"`
		CheckedAt    *string `json:"checked_at"`
		UpSince      *string `json:"up_since"`
		ClaimWarning *struct {
			Claim   string   `json:"claim"`
			At      string   `json:"at"`
			Present []string `json:"present"`
		} `json:"claim_warning"`
	} `json:"items"`
}

// TestAdminsSeeProviderStatus: admins see each provider's state (checked at a login, here, since
// no background check runs in these tests) and the latest warning about a claim that a login's
// tokens lacked; the warning is in the admin's answer only.
func TestAdminsSeeProviderStatus(t *testing.T) {
	a := newApp(t, testdb.SQLite(t), withProviders(func(ps []auth.ProviderConfig) {
		ps[2].RolesClaim = `realm_access.roles` // Bürger: tokens carry groups, not realm_access
	}))
	admin := a.browser(t).login("verwaltung", "demo-admin")
	rita := a.browser(t).login("buerger", "demo-buergerin")
	if me := rita.me(); len(me.Roles) != 1 || me.Roles[0].Role != "resident" {
		t.Errorf("the default role was not granted: %+v", me.Roles)
	}
	if r := rita.do("GET", "/api/v1/auth/providers/status", ""); r.Status != http.StatusForbidden {
		t.Errorf("a resident reads the status: %d", r.Status)
	}
	st := decode[providerStatusBody](t, admin.do("GET", "/api/v1/auth/providers/status", ""))
	if len(st.Items) != 3 {
		t.Fatalf("status = %+v", st)
	}
	byID := map[string]int{}
	for i, it := range st.Items {
		byID[it.ID] = i
	}
	v, tr, b := st.Items[byID["verwaltung"]], st.Items[byID["traeger"]], st.Items[byID["buerger"]]
	if v.State != "ok" || v.CheckedAt == nil || v.UpSince == nil || v.ClaimWarning != nil {
		t.Errorf("verwaltung = %+v", v)
	}
	if tr.State != "pending" || tr.CheckedAt != nil {
		t.Errorf("traeger, never used = %+v", tr)
	}
	if w := b.ClaimWarning; w == nil || w.Claim != "realm_access.roles" || w.At == "" || len(w.Present) == 0 {
		t.Errorf("buerger's claim warning = %+v", w)
	}
}
