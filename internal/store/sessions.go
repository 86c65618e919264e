package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/teilhabe/teilhabe/internal/auth"
)

type sessionRow struct {
	IDHash     string `gorm:"primaryKey;column:id_hash"`
	UserID     int64
	ProviderID string
	CSRFToken  string `gorm:"column:csrf_token"`
	IDToken    string `gorm:"column:id_token"`
	OIDCSid    string `gorm:"column:oidc_sid"`
	OIDCSub    string `gorm:"column:oidc_sub"`
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
}

func (sessionRow) TableName() string { return "sessions" }

type loginStateRow struct {
	IDHash       string `gorm:"primaryKey;column:id_hash"`
	ProviderID   string
	State        string
	Nonce        string
	PKCEVerifier string `gorm:"column:pkce_verifier"`
	ReturnTo     string
	CreatedAt    time.Time
	ExpiresAt    time.Time
}

func (loginStateRow) TableName() string { return "login_states" }

// Sessions is the gorm implementation of auth.SessionStore.
type Sessions struct{ db *gorm.DB }

// NewSessions returns the session store on db.
func NewSessions(db *DB) *Sessions { return &Sessions{db: db.Gorm} }

var _ auth.SessionStore = (*Sessions)(nil)

// SaveLoginState implements auth.SessionStore.
func (s *Sessions) SaveLoginState(ctx context.Context, idHash string, st auth.LoginState) error {
	row := loginStateRow{IDHash: idHash, ProviderID: st.ProviderID, State: st.State, Nonce: st.Nonce,
		PKCEVerifier: st.Verifier, ReturnTo: st.ReturnTo, CreatedAt: st.CreatedAt.UTC(), ExpiresAt: st.ExpiresAt.UTC()}
	if err := s.db.WithContext(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("save login state: %w", err)
	}
	return nil
}

// TakeLoginState implements auth.SessionStore: of two concurrent takers only one deletes the row.
func (s *Sessions) TakeLoginState(ctx context.Context, idHash string) (auth.LoginState, error) {
	var out auth.LoginState
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var row loginStateRow
		if err := tx.Where("id_hash = ?", idHash).Take(&row).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return auth.ErrNoSession
		} else if err != nil {
			return err
		}
		res := tx.Where("id_hash = ?", idHash).Delete(&loginStateRow{})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected != 1 {
			return auth.ErrNoSession
		}
		out = auth.LoginState{ProviderID: row.ProviderID, State: row.State, Nonce: row.Nonce, Verifier: row.PKCEVerifier,
			ReturnTo: row.ReturnTo, CreatedAt: row.CreatedAt, ExpiresAt: row.ExpiresAt}
		return nil
	})
	return out, err
}

// CreateSession implements auth.SessionStore.
func (s *Sessions) CreateSession(ctx context.Context, idHash string, se auth.Session) error {
	row := sessionRow{IDHash: idHash, UserID: se.UserID, ProviderID: se.ProviderID, CSRFToken: se.CSRFToken, IDToken: se.IDToken,
		OIDCSid: se.OIDCSid, OIDCSub: se.OIDCSub, CreatedAt: se.CreatedAt.UTC(), LastSeenAt: se.LastSeenAt.UTC(), ExpiresAt: se.ExpiresAt.UTC()}
	if err := s.db.WithContext(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("create session: %w", err)
	}
	return nil
}

// Session implements auth.SessionStore.
func (s *Sessions) Session(ctx context.Context, idHash string) (auth.Session, error) {
	var row sessionRow
	if err := s.db.WithContext(ctx).Where("id_hash = ?", idHash).Take(&row).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return auth.Session{}, auth.ErrNoSession
	} else if err != nil {
		return auth.Session{}, err
	}
	return auth.Session{UserID: row.UserID, ProviderID: row.ProviderID, CSRFToken: row.CSRFToken, IDToken: row.IDToken,
		OIDCSid: row.OIDCSid, OIDCSub: row.OIDCSub, CreatedAt: row.CreatedAt.UTC(), LastSeenAt: row.LastSeenAt.UTC(), ExpiresAt: row.ExpiresAt.UTC()}, nil
}

// TouchSession implements auth.SessionStore.
func (s *Sessions) TouchSession(ctx context.Context, idHash string, at time.Time) error {
	return s.db.WithContext(ctx).Model(&sessionRow{}).Where("id_hash = ?", idHash).Update("last_seen_at", at.UTC()).Error
}

// DeleteSession implements auth.SessionStore.
func (s *Sessions) DeleteSession(ctx context.Context, idHash string) error {
	return s.db.WithContext(ctx).Where("id_hash = ?", idHash).Delete(&sessionRow{}).Error
}

// DeleteProviderSessions implements auth.SessionStore.
func (s *Sessions) DeleteProviderSessions(ctx context.Context, providerID, sid, sub string) ([]auth.EndedSession, error) {
	if sid == "" && sub == "" {
		return nil, errors.New("delete provider sessions: neither sid nor sub")
	}
	var out []auth.EndedSession
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		q := tx.Model(&sessionRow{}).Where("provider_id = ?", providerID)
		if sid != "" {
			q = q.Where("oidc_sid = ?", sid)
		}
		if sub != "" {
			q = q.Where("oidc_sub = ?", sub)
		}
		var rows []sessionRow
		if err := q.Select("id_hash", "user_id").Find(&rows).Error; err != nil {
			return err
		}
		if len(rows) == 0 {
			return nil
		}
		hashes := make([]string, len(rows))
		for i, r := range rows {
			hashes[i] = r.IDHash
		}
		if err := tx.Where("id_hash IN ?", hashes).Delete(&sessionRow{}).Error; err != nil {
			return err
		}
		for _, r := range rows {
			out = append(out, auth.EndedSession{IDHash: r.IDHash, UserID: r.UserID})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("delete provider sessions: %w", err)
	}
	return out, nil
}

// DeleteExpired implements auth.SessionStore.
func (s *Sessions) DeleteExpired(ctx context.Context, now, idleBefore time.Time) error {
	db := s.db.WithContext(ctx)
	if err := db.Where("expires_at < ?", now.UTC()).Delete(&loginStateRow{}).Error; err != nil {
		return err
	}
	return db.Where("expires_at < ? OR last_seen_at < ?", now.UTC(), idleBefore.UTC()).Delete(&sessionRow{}).Error
}
