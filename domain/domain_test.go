package domain_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDomainImportsNoAdapters keeps the dependency arrows pointing inward: the domain must not know
// the HTTP framework or the ORM.
func TestDomainImportsNoAdapters(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", "./...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	forbidden := []string{"github.com/labstack/echo", "gorm.io/", "github.com/teilhabe/teilhabe/internal/"}
	for _, dep := range strings.Fields(string(out)) {
		for _, f := range forbidden {
			if strings.HasPrefix(dep, f) {
				t.Errorf("domain depends on %s", dep)
			}
		}
	}
}
