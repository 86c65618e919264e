// Command teilhabe is the platform's single binary.
//
//	teilhabe serve                  serve HTTP (migrates the database first)
//	teilhabe migrate up|down|status manage the database schema
//	teilhabe version                print the version
//	teilhabe healthcheck            exit 0 when the local server's /healthz answers (for containers)
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
	_ "time/tzdata" // the reports print dates in Europe/Berlin, also in a container without zoneinfo

	"github.com/teilhabe/teilhabe/internal/config"
	"github.com/teilhabe/teilhabe/internal/server"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

const usage = `usage: teilhabe <command>

commands:
  serve                   serve HTTP on TEILHABE_ADDR (migrates the database first)
  migrate up|down|status  apply all migrations, roll back the newest, or list them
  version                 print the version
  healthcheck             check the local server's /healthz (exit 0 when alive)
`

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "teilhabe:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(out, usage)
		return fmt.Errorf("no command given")
	}
	switch args[0] {
	case "version":
		fmt.Fprintln(out, "teilhabe", version)
		return nil
	case "serve", "migrate", "healthcheck":
	case "help", "-h", "--help":
		fmt.Fprint(out, usage)
		return nil
	default:
		fmt.Fprint(out, usage)
		return fmt.Errorf("unknown command %q", args[0])
	}
	cfg, err := config.Load(os.Getenv)
	if err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	log := newLogger(cfg.LogFormat)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	switch args[0] {
	case "serve":
		return server.Run(ctx, cfg, log, server.Options{})
	case "migrate":
		return migrate(ctx, cfg, log, args[1:], out)
	default:
		return healthcheck(cfg.Addr)
	}
}

func newLogger(format string) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(os.Stderr, nil))
	}
	return slog.New(slog.NewTextHandler(os.Stderr, nil))
}

func migrate(ctx context.Context, cfg config.Config, log *slog.Logger, args []string, out io.Writer) error {
	if len(args) != 1 {
		return fmt.Errorf("usage: teilhabe migrate up|down|status")
	}
	db, err := server.Open(cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Ping(ctx); err != nil {
		return fmt.Errorf("database unreachable: %w", err)
	}
	switch args[0] {
	case "up", "down":
		var files []string
		if args[0] == "up" {
			files, err = db.MigrateUp(ctx, nil)
		} else {
			files, err = db.MigrateDown(ctx)
		}
		for _, f := range files {
			fmt.Fprintf(out, "%s: %s\n", args[0], f)
		}
		if err == nil && len(files) == 0 {
			fmt.Fprintln(out, "nothing to do")
		}
		return err
	case "status":
		st, err := db.MigrationStatus(ctx)
		if err != nil {
			return err
		}
		for _, s := range st {
			when := "pending"
			if s.Applied {
				when = "applied " + s.AppliedAt.UTC().Format(time.RFC3339)
			}
			fmt.Fprintf(out, "%05d  %-40s %s\n", s.Version, s.File, when)
		}
		return nil
	}
	return fmt.Errorf("unknown migrate command %q: use up, down or status", args[0])
}

func healthcheck(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	client := &http.Client{Timeout: 2 * time.Second}
	resp, err := client.Get("http://127.0.0.1:" + port + "/healthz")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("healthz answered %s", resp.Status)
	}
	return nil
}
