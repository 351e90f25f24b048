package sqldb

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/password"
)

var _ ladder.AuthService = (*AuthService)(nil)

// AuthService stores accounts, sessions and API tokens.
//
// Password hashing (tens of milliseconds, 19 MiB) never runs inside a
// transaction: on SQLite a transaction holds the database's one write lock,
// and every other write would wait for the hash. Calls that hash therefore
// read first, hash, then write in one short transaction whose statements
// check that what was read still holds.
type AuthService struct{ db *DB }

// NewAuthService returns an AuthService on db.
func NewAuthService(db *DB) *AuthService { return &AuthService{db: db} }

var (
	errBadCredentials = ladder.Errorf(ladder.EUNAUTHORIZED, "Wrong email or password.")
	errBadToken       = ladder.Errorf(ladder.EUNAUTHORIZED, "Invalid or revoked token.")
	errThrottled      = ladder.Errorf(ladder.ETOOMANY, "Too many failed sign-in attempts. Try again in %d minutes.",
		int(ladder.ThrottleWindow/time.Minute))
)

// HasAccounts reports whether any account exists.
func (s *AuthService) HasAccounts(ctx context.Context) (_ bool, err error) {
	defer wrap(&err, "HasAccounts")
	var n int
	err = s.db.queryRow(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM accounts LIMIT 1) a`).Scan(&n)
	return n > 0, err
}

// FindAccount returns the account of a person, or ENOTFOUND.
func (s *AuthService) FindAccount(ctx context.Context, personID int64) (_ *ladder.Account, err error) {
	defer wrap(&err, "FindAccount(%d)", personID)
	a := &ladder.Account{}
	err = s.db.queryRow(ctx, `SELECT person_id, role, created_at, updated_at FROM accounts WHERE person_id = $1`,
		personID).Scan(&a.PersonID, &a.Role, &a.CreatedAt, &a.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNoAccount
	}
	return a, err
}

var errNoAccount = ladder.Errorf(ladder.ENOTFOUND, "That person has no account.")

// CreateAccount gives a person a password.
func (s *AuthService) CreateAccount(ctx context.Context, personID int64, role, pw string) (err error) {
	defer wrap(&err, "CreateAccount(%d)", personID)
	if err := ladder.ValidateRole(role); err != nil {
		return err
	}
	var email string
	var has int
	err = s.db.queryRow(ctx, `SELECT p.email, (SELECT COUNT(*) FROM accounts a WHERE a.person_id = p.id)
		FROM persons p WHERE p.id = $1`, personID).Scan(&email, &has)
	if errors.Is(err, sql.ErrNoRows) {
		return ladder.Errorf(ladder.ENOTFOUND, "Person not found.")
	} else if err != nil {
		return err
	}
	if err := ladder.ValidatePassword(pw, email); err != nil {
		return err
	}
	errExists := ladder.Errorf(ladder.ECONFLICT, "That person has an account already.")
	if has > 0 {
		return errExists // before spending time on the hash
	}
	hash, err := password.Hash(pw)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	_, err = tx.ExecContext(ctx, `INSERT INTO accounts (person_id, role, password_hash, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5)`, personID, role, hash, tx.now, tx.now)
	switch err := mapErr(err); ladder.ErrorCode(err) {
	case "":
	case ladder.ECONFLICT:
		return errExists
	case ladder.ENOTFOUND:
		return ladder.Errorf(ladder.ENOTFOUND, "Person not found.")
	default:
		return err
	}
	return tx.Commit()
}

// SetPassword replaces the password after checking the old one, and signs
// the person out everywhere. Wrong old passwords count towards the
// account's throttle, so a stolen session cannot guess the password.
func (s *AuthService) SetPassword(ctx context.Context, personID int64, old, pw string) (err error) {
	defer wrap(&err, "SetPassword(%d)", personID)
	email, oldHash, err := s.credentials(ctx, personID)
	if err != nil {
		return err
	}
	if err := ladder.ValidatePassword(pw, email); err != nil {
		return err
	}
	if _, err := s.reserve(ctx, accountSubject(email, personID)); err != nil {
		return err
	}
	if ok, err := password.Verify(oldHash, old); err != nil {
		return err
	} else if !ok {
		return ladder.Errorf(ladder.EUNAUTHORIZED, "The current password is wrong.")
	}
	return s.replaceHash(ctx, personID, email, oldHash, pw)
}

// ResetPassword replaces the password without the old one and signs the
// person out everywhere. It also lifts the throttle on the account.
func (s *AuthService) ResetPassword(ctx context.Context, personID int64, pw string) (err error) {
	defer wrap(&err, "ResetPassword(%d)", personID)
	email, oldHash, err := s.credentials(ctx, personID)
	if err != nil {
		return err
	}
	if err := ladder.ValidatePassword(pw, email); err != nil {
		return err
	}
	return s.replaceHash(ctx, personID, email, oldHash, pw)
}

// credentials returns the email and password hash of a person's account.
func (s *AuthService) credentials(ctx context.Context, personID int64) (email, hash string, err error) {
	err = s.db.queryRow(ctx, `SELECT p.email, a.password_hash FROM accounts a JOIN persons p ON p.id = a.person_id
		WHERE a.person_id = $1`, personID).Scan(&email, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", errNoAccount
	}
	return email, hash, err
}

// replaceHash stores a hash of pw if the stored hash is still oldHash,
// deletes the person's sessions and clears the account's failures.
func (s *AuthService) replaceHash(ctx context.Context, personID int64, email, oldHash, pw string) error {
	hash, err := password.Hash(pw)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	err = mustAffect(tx.ExecContext(ctx, `UPDATE accounts SET password_hash = $1, updated_at = $2
		WHERE person_id = $3 AND password_hash = $4`, hash, tx.now, personID, oldHash))
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return ladder.Errorf(ladder.ECONFLICT, "The password was changed meanwhile; try again.")
	} else if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE person_id = $1`, personID); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM auth_failures WHERE scope = $1 AND subject = $2`, scopeAccount, email); err != nil {
		return err
	}
	return tx.Commit()
}

// Authenticate checks an email and password, throttled per email and per
// client address.
func (s *AuthService) Authenticate(ctx context.Context, email, pw, address string) (_ *ladder.Person, err error) {
	defer wrap(&err, "Authenticate")
	email = strings.ToLower(strings.TrimSpace(email))
	p, hash, err := s.findByEmail(ctx, email)
	if err != nil {
		return nil, err
	}
	var personID int64
	if p != nil {
		personID = p.ID
	}
	// Every attempt takes a failure slot before the password is checked, so
	// that parallel guesses cannot overtake the count; a success gives its
	// slots back. Unknown emails are throttled alike, or the throttle would
	// tell which emails have accounts.
	held, err := s.reserve(ctx, accountSubject(email, personID),
		subject{scope: scopeAddress, key: address, limit: ladder.MaxAddressFailures})
	if err != nil {
		return nil, err
	}
	ok := false
	switch {
	case len(pw) > ladder.MaxPasswordBytes:
		// No stored password is this long: not worth hashing, whoever asks.
	case p == nil:
		// Spend the time a check would take, so that timing does not tell
		// either.
		_, err = password.Hash(pw)
	default:
		ok, err = password.Verify(hash, pw)
	}
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, errBadCredentials
	}
	if err := s.signedIn(ctx, p.ID, email, hash, pw, held[1]); err != nil {
		return nil, err
	}
	return p, nil
}

// signedIn records a successful sign-in: the account's failures are
// forgotten, the address's are not (only this attempt's slot is given
// back), and a hash made with old parameters is upgraded.
func (s *AuthService) signedIn(ctx context.Context, personID int64, email, hash, pw string, addr heldSlot) error {
	var newHash string
	if password.NeedsRehash(hash) {
		var err error
		if newHash, err = password.Hash(pw); err != nil {
			return err
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM auth_failures WHERE scope = $1 AND subject = $2`, scopeAccount, email); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM auth_failures WHERE scope = $1 AND subject = $2 AND slot = $3`,
		scopeAddress, addr.key, addr.slot); err != nil {
		return err
	}
	if newHash != "" {
		if _, err := tx.ExecContext(ctx, `UPDATE accounts SET password_hash = $1 WHERE person_id = $2 AND password_hash = $3`,
			newHash, personID, hash); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// findByEmail returns the person with an account and email, with the
// password hash, or nil and "" when there is none.
func (s *AuthService) findByEmail(ctx context.Context, email string) (*ladder.Person, string, error) {
	var hash string
	p, err := scanPerson(s.db.queryRow(ctx, `SELECT `+personColumns+`, a.password_hash
		FROM persons p JOIN accounts a ON a.person_id = p.id WHERE p.email = $1`, email), &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", nil
	}
	return p, hash, err
}

// personColumns are the columns scanPerson reads, from persons aliased p.
const personColumns = `p.id, p.org_id, p.name, p.email, p.start_role, p.target_role, p.created_at, p.updated_at, p.data_version, p.degree`

// scanPerson reads personColumns followed by extra destinations.
func scanPerson(row interface{ Scan(...any) error }, extra ...any) (*ladder.Person, error) {
	p := &ladder.Person{}
	var org sql.NullInt64
	dest := append([]any{&p.ID, &org, &p.Name, &p.Email, &p.StartRole, &p.TargetRole, &p.CreatedAt, &p.UpdatedAt, &p.Version, &p.Degree}, extra...)
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	p.OrgID = org.Int64
	return p, nil
}

// Throttle scopes.
const (
	scopeAccount = "account"
	scopeAddress = "address"
)

// subject is what failures are counted against.
type subject struct {
	scope    string
	key      string // normalised email or client address
	personID int64  // 0 for addresses and unknown emails
	limit    int
}

func accountSubject(email string, personID int64) subject {
	return subject{scope: scopeAccount, key: email, personID: personID, limit: ladder.MaxAccountFailures}
}

// heldSlot is a failure slot taken by an attempt.
type heldSlot struct {
	key  string
	slot int
}

// reserve takes a failure slot of each subject in one transaction, after
// purging expired ones. It returns ETOOMANY, taking none, when a subject
// has no free slot.
func (s *AuthService) reserve(ctx context.Context, subs ...subject) (_ []heldSlot, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	cutoff := tx.now.Add(-ladder.ThrottleWindow)
	if _, err := tx.ExecContext(ctx, `DELETE FROM auth_failures WHERE failed_at <= $1`, cutoff); err != nil {
		return nil, err
	}
	held := make([]heldSlot, len(subs))
	for i, sub := range subs {
		slot, err := takeSlot(ctx, tx, sub, cutoff)
		if err != nil {
			return nil, err
		}
		held[i] = heldSlot{key: sub.key, slot: slot}
	}
	return held, tx.Commit()
}

// takeSlot takes the first free slot of sub. The upsert only overwrites an
// expired slot; when a concurrent transaction took the chosen slot first it
// affects no row, and the search starts again.
func takeSlot(ctx context.Context, tx *Tx, sub subject, cutoff time.Time) (int, error) {
	for range sub.limit + 1 {
		free, err := freeSlot(ctx, tx, sub, cutoff)
		if err != nil {
			return 0, err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO auth_failures (scope, subject, slot, person_id, failed_at)
			VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (scope, subject, slot) DO UPDATE SET person_id = excluded.person_id, failed_at = excluded.failed_at
			WHERE auth_failures.failed_at <= $6`, sub.scope, sub.key, free, nullID(sub.personID), tx.now, cutoff)
		if err != nil {
			return 0, mapErr(err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 1 {
			return free, err
		}
	}
	return 0, errThrottled
}

// freeSlot returns the lowest slot of sub holding no live failure, or
// ETOOMANY.
func freeSlot(ctx context.Context, tx *Tx, sub subject, cutoff time.Time) (int, error) {
	rows, err := tx.QueryContext(ctx, `SELECT slot FROM auth_failures WHERE scope = $1 AND subject = $2 AND failed_at > $3`,
		sub.scope, sub.key, cutoff)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	used := make([]bool, sub.limit)
	for rows.Next() {
		var n int
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
		if n >= 0 && n < sub.limit {
			used[n] = true
		}
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	for i, u := range used {
		if !u {
			return i, nil
		}
	}
	return 0, errThrottled
}

// hashToken returns the digest under which a session or API token is
// stored. Tokens carry 130 random bits, so a fast unsalted hash suffices:
// it keeps a stolen database from yielding usable tokens.
func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// newToken returns a fresh random secret (130 random bits): session and
// access tokens, invitation and rater links, answer-set keys.
func newToken() string { return rand.Text() }
