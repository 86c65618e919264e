package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestBadConfigurationStopsStartUpNamingTheVariable(t *testing.T) {
	t.Setenv("TEILHABE_LOG_FORMAT", "xml")
	err := run([]string{"serve"}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "TEILHABE_LOG_FORMAT") {
		t.Fatalf("run = %v, want an error naming TEILHABE_LOG_FORMAT", err)
	}
}

func TestVersionAndUnknownCommand(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"version"}, &out); err != nil || !strings.HasPrefix(out.String(), "teilhabe ") {
		t.Errorf("version: %v %q", err, out.String())
	}
	if err := run([]string{"frobnicate"}, &out); err == nil {
		t.Error("unknown command accepted")
	}
}

func TestMigrateStatusOnSQLite(t *testing.T) {
	t.Setenv("TEILHABE_DATA_DIR", t.TempDir())
	var out bytes.Buffer
	if err := run([]string{"migrate", "up"}, &out); err != nil || !strings.Contains(out.String(), "00001_districts.sql") {
		t.Fatalf("migrate up: %v %q", err, out.String())
	}
	out.Reset()
	if err := run([]string{"migrate", "status"}, &out); err != nil || !strings.Contains(out.String(), "applied") {
		t.Fatalf("migrate status: %v %q", err, out.String())
	}
	if err := run([]string{"migrate", "sideways"}, &out); err == nil {
		t.Error("unknown migrate command accepted")
	}
}
