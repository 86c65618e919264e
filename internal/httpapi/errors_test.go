package httpapi_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	_ "github.com/teilhabe/teilhabe/domain/consultation"
	_ "github.com/teilhabe/teilhabe/domain/district"
	_ "github.com/teilhabe/teilhabe/domain/identity"
	"github.com/teilhabe/teilhabe/domain/kernel"
	_ "github.com/teilhabe/teilhabe/domain/planning"
	"github.com/teilhabe/teilhabe/internal/httpapi"
)

// TestDomainErrorsHaveCodeAndStatus proves that every declared domain error has a stable code and
// maps to a client status (no 500), and that no exported Err* variable of the domain bypasses
// kernel.New (which is what registers it).
func TestDomainErrorsHaveCodeAndStatus(t *testing.T) {
	code := regexp.MustCompile(`^[a-z][a-z0-9_]*[a-z0-9]$`)
	declared := kernel.Declared()
	if len(declared) < 20 {
		t.Fatalf("only %d declared domain errors: are the contexts imported?", len(declared))
	}
	for _, e := range declared {
		if !code.MatchString(e.Code()) {
			t.Errorf("error %q has code %q, not snake_case", e.Error(), e.Code())
		}
		if s := httpapi.StatusOf(e.Kind()); s < 400 || s >= 500 && s != http.StatusServiceUnavailable {
			t.Errorf("error %s (kind %s) maps to status %d", e.Code(), e.Kind(), s)
		}
		if e.Error() == "" {
			t.Errorf("error %s has no message", e.Code())
		}
	}

	root := filepath.Join("..", "..", "domain")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			g, ok := decl.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			for _, spec := range g.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if !strings.HasPrefix(name.Name, "Err") || !name.IsExported() || i >= len(vs.Values) {
						continue
					}
					call, ok := vs.Values[i].(*ast.CallExpr)
					sel, _ := callee(call, ok)
					if sel != "kernel.New" && !(filepath.Base(filepath.Dir(path)) == "kernel" && sel == "New") {
						t.Errorf("%s: %s is not declared with kernel.New, so it has no kind and code", path, name.Name)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func callee(call *ast.CallExpr, ok bool) (string, bool) {
	if !ok {
		return "", false
	}
	switch fn := call.Fun.(type) {
	case *ast.SelectorExpr:
		if x, ok := fn.X.(*ast.Ident); ok {
			return x.Name + "." + fn.Sel.Name, true
		}
	case *ast.Ident:
		return fn.Name, true
	}
	return "", false
}
