package deploy_test

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// The container files: docker-compose.yml for a local stack, and the image's Dockerfile.

func TestCompose(t *testing.T) {
	var c struct {
		Services map[string]struct {
			Image string
			Build *struct {
				Context    string
				Dockerfile string
			}
			Environment map[string]string
			Volumes     []string
			Healthcheck *struct{ Test []string }
			DependsOn   map[string]struct{ Condition string } `yaml:"depends_on"`
		}
		Volumes map[string]any
	}
	data, err := os.ReadFile(composeFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}

	for _, name := range []string{"db", "app"} {
		s, ok := c.Services[name]
		if !ok {
			t.Errorf("no service %s", name)
			continue
		}
		if s.Healthcheck == nil || len(s.Healthcheck.Test) < 2 {
			t.Errorf("%s: no healthcheck", name)
		}
		for _, v := range s.Volumes {
			if vol, _, _ := strings.Cut(v, ":"); !strings.HasPrefix(vol, ".") && !strings.HasPrefix(vol, "/") {
				if _, ok := c.Volumes[vol]; !ok {
					t.Errorf("%s: volume %q is not declared", name, vol)
				}
			}
		}
	}
	app := c.Services["app"]
	if app.Healthcheck != nil && len(app.Healthcheck.Test) > 0 && app.Healthcheck.Test[0] != "CMD" {
		t.Errorf("app healthcheck %v: the distroless image has no shell, use the CMD form", app.Healthcheck.Test)
	}
	if app.DependsOn["db"].Condition != "service_healthy" {
		t.Errorf("app depends_on db = %+v, want condition service_healthy", app.DependsOn)
	}
	if u := app.Environment["TEILHABE_DATABASE_URL"]; !strings.HasPrefix(u, "postgres://") || !strings.Contains(u, "@db:5432/") {
		t.Errorf("TEILHABE_DATABASE_URL = %q, want a postgres URL for host db", u)
	}
	if app.Build == nil {
		t.Fatal("app has no build section")
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(composeFile), app.Build.Context, app.Build.Dockerfile)); err != nil {
		t.Errorf("app build: %v", err)
	}
}

func TestDockerfile(t *testing.T) {
	f, err := os.Open(dockerfile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	// Logical instructions: comments dropped, continuation lines joined.
	var instrs []string
	var cur strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if s, ok := strings.CutSuffix(line, "\\"); ok {
			cur.WriteString(s + " ")
			continue
		}
		cur.WriteString(line)
		instrs = append(instrs, cur.String())
		cur.Reset()
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}

	var froms []string
	var last []string // instructions of the final stage
	for _, in := range instrs {
		if strings.HasPrefix(strings.ToUpper(in), "FROM ") {
			froms = append(froms, in)
			last = nil
		}
		last = append(last, in)
	}
	if len(froms) < 3 {
		t.Errorf("%d FROM stages, want at least 3", len(froms))
	}
	all := strings.Join(instrs, "\n")
	if !strings.Contains(all, "CGO_ENABLED=0") {
		t.Error("CGO_ENABLED=0 missing")
	}

	nonroot := len(froms) > 0 && strings.Contains(froms[len(froms)-1], ":nonroot")
	for _, in := range last {
		if user, ok := strings.CutPrefix(in, "USER "); ok {
			u, _, _ := strings.Cut(strings.TrimSpace(user), ":")
			nonroot = u != "root" && u != "0"
		}
	}
	if !nonroot {
		t.Error("final stage runs as root: need a :nonroot base or a non-root USER")
	}
	for _, want := range []string{`ENTRYPOINT ["/teilhabe"]`, `CMD ["serve"]`, "EXPOSE 8080", "EXPOSE 9090"} {
		if !slices.Contains(last, want) {
			t.Errorf("final stage lacks %s", want)
		}
	}

	if !slices.ContainsFunc(last, func(in string) bool {
		return strings.HasPrefix(in, "ENV ") && slices.Contains(strings.Fields(in), "TEILHABE_METRICS_ADDR=:9090")
	}) {
		t.Error("final stage does not set TEILHABE_METRICS_ADDR=:9090")
	}

	ignore, err := os.ReadFile(dockerfile + ".dockerignore")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(ignore), "\n")
	for _, want := range []string{"**/node_modules", "data", "bin", ".git"} {
		if !slices.Contains(lines, want) {
			t.Errorf("%s.dockerignore lacks %s", dockerfile, want)
		}
	}
}
