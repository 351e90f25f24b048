package ladder

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// ETOOMANY is the code of a request refused because too many attempts
// failed recently; the HTTP layer maps it to 429 Too Many Requests.
const ETOOMANY = "too_many_requests"

// Account roles. The owner runs the instance; the first account created
// becomes it.
const (
	AccountOwner  = "owner"
	AccountMember = "member"
)

// Password policy, after NIST SP 800-63B: length matters, composition rules
// do not. The byte bound caps the hashing work one request can cause.
const (
	MinPasswordLength = 10   // characters
	MaxPasswordBytes  = 1024 // bytes
)

// Session and throttling policy.
const (
	// SessionLifetime is how long a session lives after it was last seen.
	SessionLifetime = 30 * 24 * time.Hour
	// TouchInterval is how stale LastSeenAt (sessions) and LastUsedAt
	// (tokens) may get: recording every request would write on every read.
	TouchInterval = time.Minute
	// ThrottleWindow is the span over which failed sign-ins are counted.
	ThrottleWindow = 15 * time.Minute
	// MaxAccountFailures is how many sign-ins may fail per email address
	// within ThrottleWindow.
	MaxAccountFailures = 5
	// MaxAddressFailures is how many sign-ins may fail per client address
	// within ThrottleWindow.
	MaxAddressFailures = 20
	// TokenPrefix starts every personal access token, so that leaked tokens
	// are recognisable by secret scanners and mistyped ones fail fast.
	TokenPrefix = "ldr_"
	// TokenDisplayLength is how much of a token is kept in clear to tell
	// tokens apart in lists.
	TokenDisplayLength = 8
)

// Account lets a person sign in to the web app. The password hash stays in
// the AuthService: no caller needs it.
type Account struct {
	PersonID  int64
	Role      string // AccountOwner or AccountMember
	CreatedAt time.Time
	UpdatedAt time.Time
}

// ValidateRole checks an account role.
func ValidateRole(role string) error {
	if role == AccountOwner || role == AccountMember {
		return nil
	}
	return &Error{Code: EINVALID, Message: "The account is not valid.",
		Fields: map[string]string{"role": "must be " + AccountOwner + " or " + AccountMember}}
}

// ValidatePassword checks a new password of the person with email. Only the
// rules that stop the commonest guesses apply; no character classes.
func ValidatePassword(password, email string) error {
	f := FieldErrors{}
	switch {
	case len(password) > MaxPasswordBytes:
		f.Add("password", "must be at most %d bytes", MaxPasswordBytes)
	case utf8.RuneCountInString(password) < MinPasswordLength:
		f.Add("password", "must be at least %d characters", MinPasswordLength)
	case email != "" && strings.EqualFold(strings.TrimSpace(password), strings.TrimSpace(email)):
		f.Add("password", "must not be your email address")
	case oneCharacter(password):
		f.Add("password", "must not repeat a single character")
	}
	return f.Err("The password is too weak.")
}

func oneCharacter(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	for _, r := range s {
		if r != first {
			return false
		}
	}
	return true
}

// Session is a signed-in browser. Its token is known only to the browser;
// the store keeps a hash of it.
type Session struct {
	PersonID   int64
	CreatedAt  time.Time
	ExpiresAt  time.Time // LastSeenAt plus SessionLifetime, give or take TouchInterval
	LastSeenAt time.Time
}

// Token is a personal access token for the JSON API. Its plaintext is shown
// once, when created; the store keeps a hash of it.
type Token struct {
	ID       int64
	PersonID int64
	Name     string
	// Prefix is the start of the token (TokenDisplayLength characters), to
	// tell tokens apart in lists.
	Prefix     string
	CreatedAt  time.Time
	LastUsedAt time.Time // zero if never used
}

// ValidateTokenName checks the name of a new token.
func ValidateTokenName(name string) error {
	f := FieldErrors{}
	switch {
	case strings.TrimSpace(name) == "":
		f.Add("name", "is required")
	case len(name) > 100:
		f.Add("name", "must be at most 100 characters")
	}
	return f.Err("The token is not valid.")
}

// AuthService manages accounts, passwords, browser sessions and personal
// access tokens. Times come from the store's clock.
//
// Errors: EINVALID for a weak password, a bad role or token name;
// ENOTFOUND for an unknown person, account, session or token; ECONFLICT for
// a second account of a person or a token name the person already uses;
// EUNAUTHORIZED for wrong credentials, always with one generic message;
// ETOOMANY while sign-ins are throttled.
type AuthService interface {
	// HasAccounts reports whether any account exists: until one does, the
	// first visitor of the web app creates the owner.
	HasAccounts(ctx context.Context) (bool, error)
	// FindAccount returns the account of a person, or ENOTFOUND.
	FindAccount(ctx context.Context, personID int64) (*Account, error)
	// CreateAccount gives a person a password. EINVALID for a weak password
	// (see ValidatePassword; field "password") or a bad role, ECONFLICT if
	// the person has an account, ENOTFOUND for an unknown person.
	CreateAccount(ctx context.Context, personID int64, role, password string) error
	// SetPassword replaces the password after checking the old one
	// (EUNAUTHORIZED if wrong, ETOOMANY when throttled like Authenticate)
	// and signs the person out everywhere: the caller creates a fresh
	// session.
	SetPassword(ctx context.Context, personID int64, old, new string) error
	// ResetPassword replaces the password without the old one, for the
	// command line (which holds the database anyway) and administrators,
	// and signs the person out everywhere. ENOTFOUND without an account.
	ResetPassword(ctx context.Context, personID int64, password string) error
	// Authenticate checks an email and password. Unknown emails and wrong
	// passwords are one EUNAUTHORIZED error, spending the same time. It
	// returns ETOOMANY, whatever the password, after MaxAccountFailures
	// failures for the email or MaxAddressFailures from the address within
	// ThrottleWindow. address identifies the client: pass its IP address
	// (an IPv6 client's /64 prefix, since one host often holds all of it).
	Authenticate(ctx context.Context, email, password, address string) (*Person, error)

	// CreateSession signs a person in and returns the session's secret
	// token, to be set as a cookie. ENOTFOUND for an unknown person.
	CreateSession(ctx context.Context, personID int64) (token string, s *Session, err error)
	// FindSession returns a live session and its person, extending it, or
	// ENOTFOUND if the token is unknown or expired.
	FindSession(ctx context.Context, token string) (*Session, *Person, error)
	// DeleteSession signs one browser out; ENOTFOUND if the token is unknown.
	DeleteSession(ctx context.Context, token string) error
	// DeleteSessions signs a person out everywhere.
	DeleteSessions(ctx context.Context, personID int64) error

	// CreateToken creates a personal access token and returns its plaintext,
	// which is never available again. name is required and unique per
	// person (ECONFLICT).
	CreateToken(ctx context.Context, personID int64, name string) (plaintext string, t *Token, err error)
	// FindTokens returns a person's tokens, oldest first.
	FindTokens(ctx context.Context, personID int64) ([]*Token, error)
	// DeleteToken revokes a token of the person; ENOTFOUND if the person has
	// no token with that id, including another person's.
	DeleteToken(ctx context.Context, personID, tokenID int64) error
	// AuthenticateToken returns the owner of a token, or EUNAUTHORIZED.
	AuthenticateToken(ctx context.Context, plaintext string) (*Person, error)
}
