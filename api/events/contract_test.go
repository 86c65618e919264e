package events_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/teilhabe/teilhabe/internal/eventcontract"
)

// domainEventTypes reads the Event* string constants of domain/consultation from its source, so
// a constant added there without a schema fails here without anyone listing it by hand.
func domainEventTypes(t *testing.T) []string {
	t.Helper()
	dir := filepath.Join(eventcontract.APIDir(), "..", "domain", "consultation")
	pkgs, err := parser.ParseDir(token.NewFileSet(), dir, func(fi os.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, pkg := range pkgs {
		for _, f := range pkg.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				spec, ok := n.(*ast.ValueSpec)
				if !ok {
					return true
				}
				for i, name := range spec.Names {
					if !strings.HasPrefix(name.Name, "Event") || i >= len(spec.Values) {
						continue
					}
					if lit, ok := spec.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						s, _ := strconv.Unquote(lit.Value)
						out = append(out, s)
					}
				}
				return true
			})
		}
	}
	if len(out) == 0 {
		t.Fatal("no Event* constants found in domain/consultation: has the file moved?")
	}
	slices.Sort(out)
	return out
}

func loadYAML(t *testing.T, name string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(eventcontract.APIDir(), name))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

// resolve follows a JSON pointer ("#/a/b") through a decoded YAML document.
func resolve(doc map[string]any, pointer string) (any, bool) {
	var node any = doc
	for _, part := range strings.Split(strings.TrimPrefix(pointer, "#/"), "/") {
		part = strings.ReplaceAll(strings.ReplaceAll(part, "~1", "/"), "~0", "~")
		m, ok := node.(map[string]any)
		if !ok {
			return nil, false
		}
		if node, ok = m[part]; !ok {
			return nil, false
		}
	}
	return node, true
}

// refs calls fn for every $ref in the document, with where it stands.
func refs(node any, path string, fn func(path, ref string)) {
	switch n := node.(type) {
	case map[string]any:
		for k, v := range n {
			if s, ok := v.(string); ok && k == "$ref" {
				fn(path, s)
			}
			refs(v, path+"/"+k, fn)
		}
	case []any:
		for i, v := range n {
			refs(v, path+"/"+strconv.Itoa(i), fn)
		}
	}
}

func TestEveryDomainEventTypeIsInTheContract(t *testing.T) {
	c, err := eventcontract.Load()
	if err != nil {
		t.Fatal(err)
	}
	messages := asyncMessages(t)
	for _, typ := range domainEventTypes(t) {
		if c.Frame(typ) == "" {
			t.Errorf("event type %q has no frame in events.yaml's LiveEvent", typ)
		}
		if _, ok := messages[typ]; !ok {
			t.Errorf("event type %q has no message in asyncapi.yaml", typ)
		}
	}
	// And the other way: the contract promises nothing the domain cannot name.
	for _, typ := range c.Types() {
		if !slices.Contains(domainEventTypes(t), typ) {
			t.Errorf("events.yaml describes %q, which domain/consultation does not define", typ)
		}
	}
}

// asyncMessages returns asyncapi.yaml's messages by name (the event type), each with its
// decoded object.
func asyncMessages(t *testing.T) map[string]map[string]any {
	t.Helper()
	msgs, _ := resolve(loadYAML(t, "asyncapi.yaml"), "#/components/messages")
	out := map[string]map[string]any{}
	for id, m := range msgs.(map[string]any) {
		msg := m.(map[string]any)
		name, _ := msg["name"].(string)
		if name == "" {
			t.Errorf("asyncapi.yaml: message %s has no name", id)
		}
		out[name] = msg
	}
	return out
}

func TestAsyncAPIRefsResolve(t *testing.T) {
	async, events := loadYAML(t, "asyncapi.yaml"), loadYAML(t, "events.yaml")
	if async["asyncapi"] != "3.0.0" {
		t.Errorf("asyncapi version = %v, want 3.0.0", async["asyncapi"])
	}
	n := 0
	refs(async, "", func(path, ref string) {
		n++
		file, pointer, _ := strings.Cut(ref, "#")
		doc := async
		switch file {
		case "":
		case "./events.yaml":
			doc = events
		default:
			t.Errorf("%s: $ref %s: only this file and ./events.yaml may be referred to", path, ref)
			return
		}
		if _, ok := resolve(doc, "#"+pointer); !ok {
			t.Errorf("%s: $ref %s does not resolve", path, ref)
		}
	})
	if n == 0 {
		t.Fatal("asyncapi.yaml has no $ref at all")
	}
}

func TestAsyncAPIMessagesCarryTheirFrames(t *testing.T) {
	c, err := eventcontract.Load()
	if err != nil {
		t.Fatal(err)
	}
	messages := asyncMessages(t)
	for _, typ := range c.Types() {
		msg, ok := messages[typ]
		if !ok {
			t.Errorf("asyncapi.yaml has no message %q", typ)
			continue
		}
		ref, _ := resolve(msg, "#/payload/schema/$ref")
		if want := "./events.yaml#/components/schemas/" + c.Frame(typ); ref != want {
			t.Errorf("message %s: payload $ref = %v, want %s", typ, ref, want)
		}
		if a := msg["x-audience"]; a != "everyone" && a != "moderators" {
			t.Errorf("message %s: x-audience = %v, want everyone or moderators", typ, a)
		}
	}
	// Each operation sends only messages of its own audience, so the audience is said once.
	ops, _ := resolve(loadYAML(t, "asyncapi.yaml"), "#/operations")
	for id, o := range ops.(map[string]any) {
		op := o.(map[string]any)
		audience, ok := op["x-audience"]
		if !ok {
			continue
		}
		for _, m := range op["messages"].([]any) {
			ref := m.(map[string]any)["$ref"].(string)
			name := ref[strings.LastIndex(ref, "/")+1:]
			msg, _ := resolve(loadYAML(t, "asyncapi.yaml"), "#/components/messages/"+name)
			if got := msg.(map[string]any)["x-audience"]; got != audience {
				t.Errorf("operation %s (%v) sends %s, whose audience is %v", id, audience, name, got)
			}
		}
	}
}
