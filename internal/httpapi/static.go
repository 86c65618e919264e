package httpapi

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"
)

// spa serves the embedded frontend: files as they are, with long caching for Vite's
// content-hashed assets, and index.html for every other path so that client routes such as
// /districts/16051 load directly. The server's own paths (serverPaths) never fall back: under
// them an unknown path is a 404, so /metrics on the public port is not the app's index.html.
type spa struct {
	files fs.FS
	etags sync.Map // file name -> strong ETag of its content
}

func (s *spa) handle(c echo.Context) error {
	p := c.Request().URL.Path
	if serverPath(p) {
		return echo.ErrNotFound
	}
	name := strings.TrimPrefix(path.Clean("/"+p), "/")
	if name != "" && name != "index.html" {
		if st, err := fs.Stat(s.files, name); err == nil && !st.IsDir() {
			if strings.HasPrefix(name, "assets/") {
				c.Response().Header().Set("Cache-Control", "public, max-age=31536000, immutable")
			}
			return s.serve(c, name)
		}
		if path.Ext(name) != "" {
			return echo.ErrNotFound // a missing file, not a client route
		}
	}
	if _, err := fs.Stat(s.files, "index.html"); err != nil {
		return c.String(http.StatusServiceUnavailable, "The frontend is not built into this binary: run `make build`.\n")
	}
	c.Response().Header().Set("Cache-Control", "no-cache")
	return s.serve(c, "index.html")
}

// serverPaths are the first segments the server itself answers under; the app has no route there.
var serverPaths = []string{"api", "auth", "devidp", "metrics", "healthz", "readyz"}

func serverPath(p string) bool {
	first, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	return slices.Contains(serverPaths, first)
}

func (s *spa) serve(c echo.Context, name string) error {
	if tag, err := s.etag(name); err == nil {
		c.Response().Header().Set("ETag", tag)
	}
	http.ServeFileFS(c.Response(), c.Request(), s.files, name)
	return nil
}

func (s *spa) etag(name string) (string, error) {
	if v, ok := s.etags.Load(name); ok {
		return v.(string), nil
	}
	b, err := fs.ReadFile(s.files, name)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	tag := `"` + hex.EncodeToString(sum[:12]) + `"`
	s.etags.Store(name, tag)
	return tag, nil
}
