package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
)

// This file holds the AuthService's sessions and API tokens. Both are
// looked up on every request, so the lookups read without a transaction
// (on SQLite a transaction takes the write lock) and write only when the
// recorded time is older than ladder.TouchInterval.

// now returns the store's clock as a transaction would freeze it. Times are
// always UTC: SQLite compares them as text.
func (s *AuthService) now() time.Time { return s.db.Now().UTC().Truncate(time.Microsecond) }

// CreateSession signs a person in, purging expired sessions on the way.
func (s *AuthService) CreateSession(ctx context.Context, personID int64) (_ string, _ *ladder.Session, err error) {
	defer wrap(&err, "CreateSession(%d)", personID)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return "", nil, err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at <= $1`, tx.now); err != nil {
		return "", nil, err
	}
	token := newToken()
	sess := &ladder.Session{PersonID: personID, CreatedAt: tx.now, LastSeenAt: tx.now, ExpiresAt: tx.now.Add(ladder.SessionLifetime)}
	_, err = tx.ExecContext(ctx, `INSERT INTO sessions (token_hash, person_id, created_at, expires_at, last_seen_at)
		VALUES ($1, $2, $3, $4, $5)`, hashToken(token), personID, sess.CreatedAt, sess.ExpiresAt, sess.LastSeenAt)
	if err := mapErr(err); ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return "", nil, ladder.Errorf(ladder.ENOTFOUND, "Person not found.")
	} else if err != nil {
		return "", nil, err
	}
	return token, sess, tx.Commit()
}

var errNoSession = ladder.Errorf(ladder.ENOTFOUND, "Session not found or expired.")

// FindSession returns a live session and its person, sliding its expiry.
func (s *AuthService) FindSession(ctx context.Context, token string) (_ *ladder.Session, _ *ladder.Person, err error) {
	defer wrap(&err, "FindSession")
	if token == "" {
		return nil, nil, errNoSession
	}
	hash := hashToken(token)
	sess := &ladder.Session{}
	p, err := scanPerson(s.db.queryRow(ctx, `SELECT `+personColumns+`, s.person_id, s.created_at, s.expires_at, s.last_seen_at
		FROM sessions s JOIN persons p ON p.id = s.person_id WHERE s.token_hash = $1 AND s.expires_at > $2`, hash, s.now()),
		&sess.PersonID, &sess.CreatedAt, &sess.ExpiresAt, &sess.LastSeenAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, errNoSession
	} else if err != nil {
		return nil, nil, err
	}
	if s.now().Sub(sess.LastSeenAt) < ladder.TouchInterval {
		return sess, p, nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, nil, err
	}
	defer tx.Rollback()
	// Another request may have touched it meanwhile; then this one need not.
	if _, err := tx.ExecContext(ctx, `UPDATE sessions SET last_seen_at = $1, expires_at = $2
		WHERE token_hash = $3 AND last_seen_at <= $4`,
		tx.now, tx.now.Add(ladder.SessionLifetime), hash, tx.now.Add(-ladder.TouchInterval)); err != nil {
		return nil, nil, err
	}
	sess.LastSeenAt, sess.ExpiresAt = tx.now, tx.now.Add(ladder.SessionLifetime)
	return sess, p, tx.Commit()
}

// DeleteSession signs one browser out.
func (s *AuthService) DeleteSession(ctx context.Context, token string) (err error) {
	defer wrap(&err, "DeleteSession")
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	err = mustAffect(tx.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, hashToken(token)))
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return errNoSession
	} else if err != nil {
		return err
	}
	return tx.Commit()
}

// DeleteSessions signs a person out everywhere.
func (s *AuthService) DeleteSessions(ctx context.Context, personID int64) (err error) {
	defer wrap(&err, "DeleteSessions(%d)", personID)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE person_id = $1`, personID); err != nil {
		return err
	}
	return tx.Commit()
}

// CreateToken creates a personal access token.
func (s *AuthService) CreateToken(ctx context.Context, personID int64, name string) (_ string, _ *ladder.Token, err error) {
	defer wrap(&err, "CreateToken(%d)", personID)
	name = strings.TrimSpace(name)
	if err := ladder.ValidateTokenName(name); err != nil {
		return "", nil, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return "", nil, err
	}
	defer tx.Rollback()
	plain := ladder.TokenPrefix + newToken()
	t := &ladder.Token{PersonID: personID, Name: name, Prefix: plain[:ladder.TokenDisplayLength], CreatedAt: tx.now}
	err = tx.QueryRowContext(ctx, `INSERT INTO api_tokens (person_id, name, prefix, token_hash, created_at)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`, personID, t.Name, t.Prefix, hashToken(plain), t.CreatedAt).Scan(&t.ID)
	switch err := mapErr(err); ladder.ErrorCode(err) {
	case "":
	case ladder.ECONFLICT:
		return "", nil, &ladder.Error{Code: ladder.ECONFLICT, Message: "You have a token with that name already.",
			Fields: map[string]string{"name": "is taken"}}
	case ladder.ENOTFOUND:
		return "", nil, ladder.Errorf(ladder.ENOTFOUND, "Person not found.")
	default:
		return "", nil, err
	}
	return plain, t, tx.Commit()
}

// FindTokens returns a person's tokens, oldest first.
func (s *AuthService) FindTokens(ctx context.Context, personID int64) (_ []*ladder.Token, err error) {
	defer wrap(&err, "FindTokens(%d)", personID)
	rows, err := s.db.query(ctx, `SELECT id, person_id, name, prefix, created_at, last_used_at
		FROM api_tokens WHERE person_id = $1 ORDER BY id`, personID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []*ladder.Token{}
	for rows.Next() {
		t := &ladder.Token{}
		var used sql.NullTime
		if err := rows.Scan(&t.ID, &t.PersonID, &t.Name, &t.Prefix, &t.CreatedAt, &used); err != nil {
			return nil, err
		}
		t.LastUsedAt = used.Time
		out = append(out, t)
	}
	return out, rows.Err()
}

// DeleteToken revokes a token of the person. The person is part of the
// condition, so nobody deletes another's token by guessing its id.
func (s *AuthService) DeleteToken(ctx context.Context, personID, tokenID int64) (err error) {
	defer wrap(&err, "DeleteToken(%d, %d)", personID, tokenID)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	err = mustAffect(tx.ExecContext(ctx, `DELETE FROM api_tokens WHERE id = $1 AND person_id = $2`, tokenID, personID))
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return ladder.Errorf(ladder.ENOTFOUND, "Token not found.")
	} else if err != nil {
		return err
	}
	return tx.Commit()
}

// AuthenticateToken returns the owner of a token and records its use.
func (s *AuthService) AuthenticateToken(ctx context.Context, plain string) (_ *ladder.Person, err error) {
	defer wrap(&err, "AuthenticateToken")
	if !strings.HasPrefix(plain, ladder.TokenPrefix) {
		return nil, errBadToken
	}
	var id int64
	var used sql.NullTime
	p, err := scanPerson(s.db.queryRow(ctx, `SELECT `+personColumns+`, t.id, t.last_used_at
		FROM api_tokens t JOIN persons p ON p.id = t.person_id WHERE t.token_hash = $1`, hashToken(plain)), &id, &used)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errBadToken
	} else if err != nil {
		return nil, err
	}
	if used.Valid && s.now().Sub(used.Time) < ladder.TouchInterval {
		return p, nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE api_tokens SET last_used_at = $1
		WHERE id = $2 AND (last_used_at IS NULL OR last_used_at <= $3)`, tx.now, id, tx.now.Add(-ladder.TouchInterval)); err != nil {
		return nil, err
	}
	return p, tx.Commit()
}
