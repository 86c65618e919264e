package httpapi_test

import (
	"net/http"
	"testing"

	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

// TestAssetsInTheirBrotliForm: a browser that accepts br gets the build's Brotli form of an
// asset, untouched by the gzip middleware; one that does not gets gzip; every answer varies by
// Accept-Encoding so caches keep them apart.
func TestAssetsInTheirBrotliForm(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *store.DB) {
		e := newApp(t, db).Echo
		for _, c := range []struct{ accept, encoding, body string }{
			{"gzip, deflate, br, zstd", "br", "brotli bytes"},
			{"gzip", "gzip", ""},
			{"br;q=0, gzip", "gzip", ""},
		} {
			r := do(e, http.MethodGet, "/assets/big-3c4d.js", "Accept-Encoding", c.accept)
			h := r.Result().Header
			if r.Code != 200 || h.Get("Content-Encoding") != c.encoding || h.Get("Content-Type") != "text/javascript; charset=utf-8" || h.Get("Vary") == "" {
				t.Errorf("%q: %d %v", c.accept, r.Code, h)
			}
			if c.body != "" && r.Body.String() != c.body {
				t.Errorf("%q: body %q", c.accept, r.Body.String())
			}
		}
		// An asset without a Brotli form is sent as it is.
		if r := do(e, http.MethodGet, "/assets/app-1a2b.js", "Accept-Encoding", "br"); r.Code != 200 || r.Body.String() != "console.log('teilhabe')" {
			t.Errorf("small asset: %d %q", r.Code, r.Body.String())
		}
	})
}
