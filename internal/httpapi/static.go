package httpapi

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"html"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
)

// spa serves the embedded frontend: files as they are, with long caching for Vite's
// content-hashed assets, and index.html for every other path so that client routes such as
// /districts/16051 load directly. The server's own paths (serverPaths) never fall back: under
// them an unknown path is a 404, so /metrics on the public port is not the app's index.html.
//
// index.html is served with its <base href="/"> set to the base path ("/teilhabe/"): the app
// reads it for its routes, API and websocket addresses, and Vite's relative asset URLs resolve
// against it, so one build serves under any base path without an inline script.
type spa struct {
	files fs.FS
	root  string   // the base path, "" at the host's root
	etags sync.Map // file name -> strong ETag of its content

	indexOnce sync.Once
	index     []byte // index.html with the base path filled in
	indexTag  string
	indexErr  error
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
	s.indexOnce.Do(s.loadIndex)
	if s.indexErr != nil {
		return c.String(http.StatusServiceUnavailable, "The frontend is not built into this binary: run `make build`.\n")
	}
	h := c.Response().Header()
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", s.indexTag)
	http.ServeContent(c.Response(), c.Request(), "index.html", time.Time{}, bytes.NewReader(s.index))
	return nil
}

// baseTag is the placeholder of frontend/index.html that the server fills with the base path.
const baseTag = `<base href="/"`

func (s *spa) loadIndex() {
	b, err := fs.ReadFile(s.files, "index.html")
	if err != nil {
		s.indexErr = err
		return
	}
	b = bytes.Replace(b, []byte(baseTag), []byte(`<base href="`+html.EscapeString(s.root)+`/"`), 1)
	s.index, s.indexTag = b, strongETag(b)
}

// serverPaths are the first segments the server itself answers under; the app has no route there.
var serverPaths = []string{"api", "auth", "devidp", "metrics", "healthz", "readyz"}

func serverPath(p string) bool {
	first, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	return slices.Contains(serverPaths, first)
}

func (s *spa) serve(c echo.Context, name string) error {
	h := c.Response().Header()
	if strings.HasPrefix(name, "assets/") {
		h.Add("Vary", "Accept-Encoding")
		if acceptsBrotli(c.Request()) {
			if b, err := fs.ReadFile(s.files, name+".br"); err == nil {
				return s.serveBrotli(c, name, b)
			}
		}
	}
	if tag, err := s.etag(name); err == nil {
		h.Set("ETag", tag)
	}
	http.ServeFileFS(c.Response(), c.Request(), s.files, name)
	return nil
}

// serveBrotli answers an asset with its Brotli form, made at build time
// (frontend/scripts/compress.mjs) at the highest quality: about 15 % smaller than the gzip of
// the same file, which on a rural line is most of what the first load can spare.
func (s *spa) serveBrotli(c echo.Context, name string, b []byte) error {
	h := c.Response().Header()
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		h.Set("Content-Type", t)
	}
	h.Set("Content-Encoding", "br")
	if tag, err := s.etag(name + ".br"); err == nil {
		h.Set("ETag", tag)
	}
	http.ServeContent(c.Response(), c.Request(), "", time.Time{}, bytes.NewReader(b))
	return nil
}

// acceptsBrotli reports whether the request's Accept-Encoding names br (without q=0).
func acceptsBrotli(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(enc), "br") {
			return strings.ReplaceAll(params, " ", "") != "q=0"
		}
	}
	return false
}

// brotliAsset: an asset that is served in its Brotli form must not pass the gzip middleware.
func brotliAsset(c echo.Context) bool {
	return strings.Contains(c.Request().URL.Path, "/assets/") && acceptsBrotli(c.Request())
}

func (s *spa) etag(name string) (string, error) {
	if v, ok := s.etags.Load(name); ok {
		return v.(string), nil
	}
	b, err := fs.ReadFile(s.files, name)
	if err != nil {
		return "", err
	}
	tag := strongETag(b)
	s.etags.Store(name, tag)
	return tag, nil
}

func strongETag(b []byte) string {
	sum := sha256.Sum256(b)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}
