package auth_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/internal/auth"
)

const keycloak = `providers:
  - id: verwaltung
    label: Verwaltung
    audience: staff
    issuer: https://login.example/realms/kreis
    client_id: teilhabe
    client_secret_file: SECRET_FILE
    roles_claim: groups
    role_map:
      teilhabe-admin: admin
      koordination-16051: coordinator:16051
      leitung-diakonie: provider_admin:diakonie-erfurt
    organisation_prefix: "org:"
  - id: buerger
    label: Bürgerinnen und Bürger
    audience: resident
    issuer: https://buerger.example
    client_id: teilhabe
    client_secret: geheim
    default_role: resident
`

func TestParseConfigReadsProviders(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(secret, []byte("s3cret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ps, err := auth.ParseConfig([]byte(strings.Replace(keycloak, "SECRET_FILE", secret, 1)))
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || ps[0].ClientSecret != "s3cret" || !slices.Equal(ps[1].Scopes, []string{"openid", "profile", "email"}) {
		t.Fatalf("providers = %+v", ps)
	}
	roles := ps[0].Roles([]string{"koordination-16051", "org:awo-erfurt", "org:Not Valid", "leitung-diakonie", "unmapped"})
	var got []string
	for _, r := range roles {
		if r.Grant != nil {
			got = append(got, string(r.Grant.Role)+":"+r.Grant.DistrictKey)
		} else {
			got = append(got, r.OrgSlug+":"+string(r.MemberRole))
		}
	}
	want := []string{"coordinator:16051", "awo-erfurt:member", "diakonie-erfurt:admin"}
	if !slices.Equal(got, want) {
		t.Errorf("roles = %v, want %v", got, want)
	}
	if r := ps[1].Roles(nil); len(r) != 1 || r[0].Grant.Role != identity.RoleResident {
		t.Errorf("default role = %+v", r)
	}
	if r := ps[0].Roles(nil); len(r) != 0 {
		t.Errorf("no claims, no default: %+v", r)
	}
}

func TestParseConfigNamesLineAndReason(t *testing.T) {
	base := strings.Replace(keycloak, "client_secret_file: SECRET_FILE", "client_secret: x", 1)
	cases := map[string]struct{ from, to, want string }{
		"unknown key":        {"    roles_claim: groups", "    role_claim: groups", "line 8"},
		"bad audience":       {"audience: resident", "audience: public", "line 14"},
		"bad role":           {"coordinator:16051", "coordinator:erfurt", "line 2"},
		"relative issuer":    {"https://buerger.example", "buerger.example", "line 14"},
		"no secret":          {"    client_secret: geheim\n", "", "line 14"},
		"no openid scope":    {"    default_role: resident", "    scopes: [profile]\n    default_role: resident", "openid"},
		"duplicate id":       {"id: buerger", "id: verwaltung", "twice"},
		"not yaml":           {"providers:", "providers: [", "yaml"},
		"role map, no claim": {"    roles_claim: groups\n", "", "roles_claim"},
		"broken claim path":  {"roles_claim: groups", `roles_claim: "realm_access..roles"`, "line 2"},
		"lone backslash":     {"roles_claim: groups", `roles_claim: 'roles\'`, "backslash"},
	}
	for name, c := range cases {
		input := strings.Replace(base, c.from, c.to, 1)
		if input == base {
			t.Fatalf("%s: the case changes nothing", name)
		}
		_, err := auth.ParseConfig([]byte(input))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to mention %q", name, err, c.want)
		}
	}
	if _, err := auth.LoadConfigFile("/nonexistent.yaml"); err == nil || !strings.Contains(err.Error(), "TEILHABE_AUTH_CONFIG") {
		t.Errorf("missing file: %v", err)
	}
}

func TestLocalPath(t *testing.T) {
	for _, ok := range []string{"", "/", "/districts/16051?x=1#top", "/a..b/.c", "/x?q=/../y"} {
		if _, err := auth.LocalPath(ok); err != nil {
			t.Errorf("%q rejected", ok)
		}
	}
	for _, bad := range []string{"https://x.example/", "//x.example", "/\\x.example", "x", "/a\nb", "javascript:alert(1)",
		// Below a base path the browser would resolve these out of it.
		"/..", "/../metrics", "/a/./b", "/%2e%2e/x", "/a/%2E/b"} {
		if _, err := auth.LocalPath(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
