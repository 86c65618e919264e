package testdb

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strings"
)

// startCluster runs initdb and pg_ctl from PATH or Debian's /usr/lib/postgresql/*/bin in a
// temporary folder, listening only on a Unix socket there. PostgreSQL refuses to run as root, so
// as root it runs as the postgres user.
func startCluster() (string, func(), error) {
	initdb, err := findTool("initdb")
	if err != nil {
		return "", nil, errors.New("TEST_DATABASE_URL is unset and initdb is not installed")
	}
	pgctl, err := findTool("pg_ctl")
	if err != nil {
		return "", nil, errors.New("TEST_DATABASE_URL is unset and pg_ctl is not installed")
	}
	dir, err := os.MkdirTemp("", "teilhabe-pg-")
	if err != nil {
		return "", nil, err
	}
	var asUser []string
	if os.Geteuid() == 0 {
		pg, err := user.Lookup("postgres")
		if err != nil {
			return "", nil, errors.New("running as root and there is no postgres user to run the throwaway cluster")
		}
		asUser = []string{"runuser", "-u", "postgres", "--"}
		if err := exec.Command("chown", pg.Uid+":"+pg.Gid, dir).Run(); err != nil {
			return "", nil, fmt.Errorf("chown %s: %w", dir, err)
		}
	}
	run := func(args ...string) error {
		full := append(append([]string{}, asUser...), args...)
		out, err := exec.Command(full[0], full[1:]...).CombinedOutput()
		if err != nil {
			return fmt.Errorf("%s: %w\n%s", strings.Join(args, " "), err, out)
		}
		return nil
	}
	data := filepath.Join(dir, "data")
	remove := func() { _ = os.RemoveAll(dir) }
	if err := run(initdb, "-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"); err != nil {
		remove()
		return "", nil, err
	}
	opts := fmt.Sprintf("-c listen_addresses='' -k %s -F -c max_connections=200", dir)
	if err := run(pgctl, "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"), "-w", "start"); err != nil {
		remove()
		return "", nil, err
	}
	stop := func() {
		_ = run(pgctl, "-D", data, "-m", "immediate", "-w", "stop")
		remove()
	}
	u := url.URL{Scheme: "postgres", User: url.User("postgres"), Path: "/postgres", RawQuery: "host=" + url.QueryEscape(dir) + "&sslmode=disable"}
	return u.String(), stop, nil
}

func findTool(name string) (string, error) {
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/" + name)
	if len(matches) == 0 {
		return "", fmt.Errorf("%s not found", name)
	}
	return matches[len(matches)-1], nil
}
