package server_test

import (
	"io"
	"net"
	"net/url"
	"path/filepath"
	"testing"
)

// startProxy forwards TCP connections on addr to the PostgreSQL server of dbURL (TCP or the Unix
// socket of the throwaway cluster), standing in for a database server that comes back.
func startProxy(t *testing.T, addr, dbURL string) net.Listener {
	t.Helper()
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	network, target := "tcp", u.Host
	if dir := u.Query().Get("host"); dir != "" && filepath.IsAbs(dir) {
		port := u.Port()
		if port == "" {
			port = "5432"
		}
		network, target = "unix", filepath.Join(dir, ".s.PGSQL."+port)
	} else if u.Port() == "" {
		target = u.Hostname() + ":5432"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				up, err := net.Dial(network, target)
				if err != nil {
					return
				}
				defer up.Close()
				go func() { _, _ = io.Copy(up, c) }()
				_, _ = io.Copy(c, up)
			}()
		}
	}()
	return ln
}
