package httpapi_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"testing/fstest"

	"github.com/labstack/echo/v4"

	"github.com/teilhabe/teilhabe/internal/httpapi"
	"github.com/teilhabe/teilhabe/internal/refdata"
	"github.com/teilhabe/teilhabe/internal/store"
	"github.com/teilhabe/teilhabe/internal/testdb"
)

func TestMain(m *testing.M) { os.Exit(testdb.Main(m)) }

// testFrontend stands in for the built app; the real build is exercised by the browser tests.
var testFrontend = fstest.MapFS{
	"index.html":         {Data: []byte("<!doctype html><title>teilhabe</title><div id=root></div>")},
	"assets/app-1a2b.js": {Data: []byte("console.log('teilhabe')")},
	"favicon.svg":        {Data: []byte("<svg xmlns='http://www.w3.org/2000/svg'/>")},
}

// newServer returns the real router on db with the reference data loaded.
func newServer(t *testing.T, db *store.DB, ready func(context.Context) error) *echo.Echo {
	t.Helper()
	if err := refdata.Load(context.Background(), store.NewDistricts(db)); err != nil {
		t.Fatal(err)
	}
	if ready == nil {
		ready = db.Ping
	}
	e, err := httpapi.New(httpapi.Deps{
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)), SQL: db.SQL,
		Districts: store.NewDistricts(db), Ready: ready, Frontend: testFrontend,
	})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func do(e http.Handler, method, path string, header ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	return rec
}
