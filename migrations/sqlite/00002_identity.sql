-- +goose Up
CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    issuer        TEXT NOT NULL,
    subject       TEXT NOT NULL,
    name          TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    last_login_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (issuer, subject)
);
CREATE INDEX users_email_idx ON users (lower(email));

CREATE TABLE organisations (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    slug         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL CHECK (name <> ''),
    kind         TEXT NOT NULL CHECK (kind IN ('administration', 'provider', 'umbrella')),
    description  TEXT NOT NULL DEFAULT '',
    district_key TEXT REFERENCES districts (key),
    created_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE memberships (
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('member', 'admin')),
    source          TEXT NOT NULL CHECK (source IN ('claim', 'platform')),
    created_at      DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (user_id, organisation_id)
);
CREATE INDEX memberships_organisation_idx ON memberships (organisation_id);

CREATE TABLE role_grants (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role         TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'resident')),
    district_key TEXT REFERENCES districts (key),
    source       TEXT NOT NULL CHECK (source IN ('claim', 'platform')),
    created_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CHECK ((role = 'coordinator') = (district_key IS NOT NULL))
);
CREATE UNIQUE INDEX role_grants_unique_idx ON role_grants (user_id, role, COALESCE(district_key, ''), source);

CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider_id  TEXT NOT NULL,
    csrf_token   TEXT NOT NULL,
    id_token     TEXT NOT NULL DEFAULT '',
    created_at   DATETIME NOT NULL,
    last_seen_at DATETIME NOT NULL,
    expires_at   DATETIME NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE login_states (
    id_hash       TEXT PRIMARY KEY,
    provider_id   TEXT NOT NULL,
    state         TEXT NOT NULL,
    nonce         TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    return_to     TEXT NOT NULL,
    created_at    DATETIME NOT NULL,
    expires_at    DATETIME NOT NULL
);
CREATE INDEX login_states_expires_idx ON login_states (expires_at);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    actor_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    action      TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id   TEXT NOT NULL,
    details     TEXT NOT NULL DEFAULT '{}'
);

-- +goose Down
DROP TABLE audit_log;
DROP TABLE login_states;
DROP TABLE sessions;
DROP TABLE role_grants;
DROP TABLE memberships;
DROP TABLE organisations;
DROP TABLE users;
