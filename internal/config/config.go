// Package config reads teilhabe's typed configuration from TEILHABE_* environment variables,
// validates it once at start and prints it with secrets masked.
package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Config is the whole configuration of one instance.
type Config struct {
	// Addr is the listen address (TEILHABE_ADDR).
	Addr string
	// MetricsAddr is the listen address of /metrics (TEILHABE_METRICS_ADDR); empty: no metrics
	// listener. /metrics is never served on Addr, the public port.
	MetricsAddr string
	// DatabaseURL is a PostgreSQL URL (TEILHABE_DATABASE_URL); empty means the embedded SQLite file.
	DatabaseURL string
	// DataDir holds the SQLite file and uploads (TEILHABE_DATA_DIR).
	DataDir string
	// BaseURL is the public URL people reach the platform at (TEILHABE_BASE_URL), without a
	// trailing slash; its path (e.g. /teilhabe) is where everything is served.
	BaseURL *url.URL
	// LogFormat is "text" or "json" (TEILHABE_LOG_FORMAT).
	LogFormat string
	// Demo turns on demo data and the development identity provider (TEILHABE_DEMO=1).
	Demo bool
	// AuthConfig is the path of the identity providers file (TEILHABE_AUTH_CONFIG); empty: none.
	AuthConfig string
	// SessionIdle ends a session unused this long (TEILHABE_SESSION_IDLE_TIMEOUT).
	SessionIdle time.Duration
	// SessionMaxAge ends a session this long after login (TEILHABE_SESSION_MAX_AGE).
	SessionMaxAge time.Duration
	// PostBurst comments may one person post in a row (TEILHABE_POST_BURST), then one every
	// PostInterval (TEILHABE_POST_INTERVAL); a live workshop or a load test needs other values.
	PostBurst    int
	PostInterval time.Duration
	// AtlasMinPopulation: areas with fewer inhabitants are not shown for the atlas's sensitive
	// indicators (TEILHABE_ATLAS_MIN_POPULATION, default 300).
	AtlasMinPopulation int
}

// Error names the variable whose value is wrong, so start-up stops with a message one can act on.
type Error struct {
	Var    string
	Reason string
}

// Error names the variable and the reason.
func (e *Error) Error() string { return e.Var + ": " + e.Reason }

// Load reads the configuration through getenv (os.Getenv in production) and validates it. A
// variable NAME may instead be given as NAME_FILE, the path of a file holding the value, for secrets.
func Load(getenv func(string) string) (Config, error) {
	var errs []error
	get := func(name, def string) string {
		v, err := lookup(getenv, name)
		if err != nil {
			errs = append(errs, err)
		}
		if v == "" {
			return def
		}
		return v
	}
	c := Config{
		Addr:        get("TEILHABE_ADDR", ":8080"),
		MetricsAddr: get("TEILHABE_METRICS_ADDR", ""),
		DatabaseURL: get("TEILHABE_DATABASE_URL", ""),
		DataDir:     get("TEILHABE_DATA_DIR", "./data"),
		LogFormat:   get("TEILHABE_LOG_FORMAT", "text"),
	}
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		errs = append(errs, &Error{"TEILHABE_ADDR", fmt.Sprintf("%q is not host:port (e.g. :8080)", c.Addr)})
	}
	if c.MetricsAddr != "" {
		if _, _, err := net.SplitHostPort(c.MetricsAddr); err != nil {
			errs = append(errs, &Error{"TEILHABE_METRICS_ADDR", fmt.Sprintf("%q is not host:port (e.g. :9090 or 127.0.0.1:9090)", c.MetricsAddr)})
		} else if c.MetricsAddr == c.Addr {
			errs = append(errs, &Error{"TEILHABE_METRICS_ADDR", fmt.Sprintf("%q is TEILHABE_ADDR, the public port; metrics need an address of their own", c.MetricsAddr)})
		}
	}
	if c.DatabaseURL != "" {
		u, err := url.Parse(c.DatabaseURL)
		if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
			errs = append(errs, &Error{"TEILHABE_DATABASE_URL", "must be a postgres:// URL (unset it for the embedded SQLite database)"})
		}
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		errs = append(errs, &Error{"TEILHABE_LOG_FORMAT", fmt.Sprintf("%q is neither text nor json", c.LogFormat)})
	}
	base := get("TEILHABE_BASE_URL", "http://localhost:8080")
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		errs = append(errs, &Error{"TEILHABE_BASE_URL", fmt.Sprintf("%q is not an absolute http(s) URL", base)})
	} else if !basePath.MatchString(u.EscapedPath()) || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		errs = append(errs, &Error{"TEILHABE_BASE_URL", fmt.Sprintf("%q: the path may only hold segments of letters, digits and . _ ~ - (e.g. https://kreis.example/teilhabe), no query, fragment or user", base)})
	} else {
		u.Path = strings.TrimSuffix(u.Path, "/")
		c.BaseURL = u
	}
	c.AuthConfig = get("TEILHABE_AUTH_CONFIG", "")
	c.SessionIdle = duration(&errs, "TEILHABE_SESSION_IDLE_TIMEOUT", get("TEILHABE_SESSION_IDLE_TIMEOUT", "2h"))
	c.SessionMaxAge = duration(&errs, "TEILHABE_SESSION_MAX_AGE", get("TEILHABE_SESSION_MAX_AGE", "12h"))
	interval := get("TEILHABE_POST_INTERVAL", "12s")
	if d, err := time.ParseDuration(interval); err != nil || d <= 0 {
		errs = append(errs, &Error{"TEILHABE_POST_INTERVAL", fmt.Sprintf("%q is not a positive duration (e.g. 12s, 1m)", interval)})
	} else {
		c.PostInterval = d
	}
	burst := get("TEILHABE_POST_BURST", "5")
	if n, err := strconv.Atoi(burst); err != nil || n < 1 {
		errs = append(errs, &Error{"TEILHABE_POST_BURST", fmt.Sprintf("%q is not a whole number of at least 1", burst)})
	} else {
		c.PostBurst = n
	}
	minPop := get("TEILHABE_ATLAS_MIN_POPULATION", "300")
	if n, err := strconv.Atoi(minPop); err != nil || n < 0 {
		errs = append(errs, &Error{"TEILHABE_ATLAS_MIN_POPULATION", fmt.Sprintf("%q is not a whole number of at least 0", minPop)})
	} else {
		c.AtlasMinPopulation = n
	}
	switch demo := get("TEILHABE_DEMO", "0"); demo {
	case "1", "true":
		c.Demo = true
	case "0", "false":
	default:
		errs = append(errs, &Error{"TEILHABE_DEMO", fmt.Sprintf("%q is neither 1 nor 0", demo)})
	}
	return c, errors.Join(errs...)
}

// basePath is a sub-path the app can be served under: plain segments that need no escaping in a
// URL, a cookie path or HTML, and no dot segments, which a browser would resolve away.
var basePath = regexp.MustCompile(`^(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*/?$`)

func duration(errs *[]error, name, v string) time.Duration {
	d, err := time.ParseDuration(v)
	if err != nil || d < time.Minute {
		*errs = append(*errs, &Error{name, fmt.Sprintf("%q is not a duration of at least 1m (e.g. 2h, 30m)", v)})
	}
	return d
}

func lookup(getenv func(string) string, name string) (string, error) {
	v := getenv(name)
	file := getenv(name + "_FILE")
	if file == "" {
		return v, nil
	}
	if v != "" {
		return "", &Error{name, "set both " + name + " and " + name + "_FILE; choose one"}
	}
	b, err := os.ReadFile(filepath.Clean(file))
	if err != nil {
		return "", &Error{name + "_FILE", err.Error()}
	}
	return strings.TrimSpace(string(b)), nil
}

// SQLitePath is where the embedded database lives.
func (c Config) SQLitePath() string { return filepath.Join(c.DataDir, "teilhabe.db") }

// Secure reports whether cookies must carry the Secure flag: whenever the public URL is https.
func (c Config) Secure() bool { return c.BaseURL != nil && c.BaseURL.Scheme == "https" }

// LogValue lists the configuration for the start-up log with the database password masked.
func (c Config) LogValue() []any {
	db := "sqlite:" + c.SQLitePath()
	if c.DatabaseURL != "" {
		db = MaskURL(c.DatabaseURL)
	}
	base := ""
	if c.BaseURL != nil {
		base = c.BaseURL.String()
	}
	metrics := c.MetricsAddr
	if metrics == "" {
		metrics = "off"
	}
	return []any{"addr", c.Addr, "metrics_addr", metrics, "database", db, "data_dir", c.DataDir, "base_url", base, "log_format", c.LogFormat, "demo", c.Demo,
		"auth_config", c.AuthConfig, "session_idle", c.SessionIdle.String(), "session_max_age", c.SessionMaxAge.String(),
		"post_burst", c.PostBurst, "post_interval", c.PostInterval.String()}
}

// MaskURL hides the password of a URL, including one given as a password= query parameter.
func MaskURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable, hidden)"
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.String()
}
