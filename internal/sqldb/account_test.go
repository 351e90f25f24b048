package sqldb_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/password"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

const goodPassword = "correct horse battery"

// authFixture is a store with a frozen clock and Sam, who has an account.
type authFixture struct {
	db      *sqldb.DB
	auth    *sqldb.AuthService
	persons *sqldb.PersonService
	sam     *ladder.Person
	t0      time.Time
}

func newAuthFixture(t *testing.T, db *sqldb.DB) *authFixture {
	t.Helper()
	f := &authFixture{db: db, auth: sqldb.NewAuthService(db), persons: sqldb.NewPersonService(db), t0: frozen(db)}
	f.sam = f.person(t, "sam@example.com")
	if err := f.auth.CreateAccount(ctx, f.sam.ID, ladder.AccountOwner, goodPassword); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *authFixture) person(t *testing.T, email string) *ladder.Person {
	t.Helper()
	p := &ladder.Person{Name: "P", Email: email}
	if err := f.persons.CreatePerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	return p
}

// at sets the clock to t0+d.
func (f *authFixture) at(d time.Duration) { f.db.Now = func() time.Time { return f.t0.Add(d) } }

func (f *authFixture) count(t *testing.T, q string, args ...any) int {
	t.Helper()
	var n int
	if err := f.db.SQL().QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := ladder.ErrorCode(err); got != code {
		t.Fatalf("code %q (%v), want %q", got, err, code)
	}
}

func TestAccounts(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		auth := sqldb.NewAuthService(db)
		if has, err := auth.HasAccounts(ctx); err != nil || has {
			t.Fatalf("fresh store: HasAccounts = %v, %v", has, err)
		}
		f := newAuthFixture(t, db)
		if has, err := auth.HasAccounts(ctx); err != nil || !has {
			t.Fatalf("HasAccounts = %v, %v", has, err)
		}
		got, err := auth.FindAccount(ctx, f.sam.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := &ladder.Account{PersonID: f.sam.ID, Role: ladder.AccountOwner, CreatedAt: f.t0, UpdatedAt: f.t0}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		var hash string
		db.SQL().QueryRow(`SELECT password_hash FROM accounts WHERE person_id = $1`, f.sam.ID).Scan(&hash)
		if !strings.HasPrefix(hash, "$argon2id$v=19$m=19456,t=2,p=1$") {
			t.Errorf("stored hash %q", hash)
		}

		kim := f.person(t, "kim@example.com")
		t.Run("ErrConflict", func(t *testing.T) {
			wantCode(t, auth.CreateAccount(ctx, f.sam.ID, ladder.AccountMember, "another good one"), ladder.ECONFLICT)
		})
		t.Run("ErrUnknownPerson", func(t *testing.T) {
			wantCode(t, auth.CreateAccount(ctx, 9999, ladder.AccountMember, goodPassword), ladder.ENOTFOUND)
		})
		t.Run("ErrRole", func(t *testing.T) {
			err := auth.CreateAccount(ctx, kim.ID, "admin", goodPassword)
			if e, ok := err.(*ladder.Error); !ok || e.Code != ladder.EINVALID || e.Fields["role"] == "" {
				t.Fatalf("got %#v", err)
			}
		})
		t.Run("ErrNoAccount", func(t *testing.T) {
			_, err := auth.FindAccount(ctx, kim.ID)
			wantCode(t, err, ladder.ENOTFOUND)
		})
		for name, pw := range map[string]string{
			"ErrPasswordShort":   "nine char",
			"ErrPasswordOneChar": "aaaaaaaaaaaa",
			"ErrPasswordEmail":   "KIM@example.com",
			"ErrPasswordLong":    strings.Repeat("ab", 513),
			"ErrPasswordEmpty":   "",
		} {
			t.Run(name, func(t *testing.T) {
				err := auth.CreateAccount(ctx, kim.ID, ladder.AccountMember, pw)
				if e, ok := err.(*ladder.Error); !ok || e.Code != ladder.EINVALID || e.Fields["password"] == "" {
					t.Fatalf("got %#v", err)
				}
			})
		}
		t.Run("OKTenRunes", func(t *testing.T) {
			// Characters, not bytes: ten runes pass although "é" is 2 bytes.
			if err := auth.CreateAccount(ctx, kim.ID, ladder.AccountMember, "éééééééééa"); err != nil {
				t.Fatal(err)
			}
		})
	})
}

func TestAuthenticate(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newAuthFixture(t, db)
		p, err := f.auth.Authenticate(ctx, " SAM@Example.com ", goodPassword, "10.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(f.sam, p); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		noAccount := f.person(t, "noaccount@example.com")

		t.Run("ErrSameMessage", func(t *testing.T) {
			var msgs []string
			for _, email := range []string{f.sam.Email, "nobody@example.com", noAccount.Email} {
				_, err := f.auth.Authenticate(ctx, email, "wrong password", "10.0.0.2")
				wantCode(t, err, ladder.EUNAUTHORIZED)
				msgs = append(msgs, ladder.ErrorMessage(err))
			}
			if msgs[0] != msgs[1] || msgs[1] != msgs[2] {
				t.Fatalf("messages differ, which tells who has an account: %q", msgs)
			}
		})
		// Throttling counts failures per email: known or not, so that it
		// tells nothing either.
		for _, email := range []string{"kim@example.com", "nobody-else@example.com"} {
			t.Run("ThrottleAccount/"+email, func(t *testing.T) {
				if email == "kim@example.com" {
					kim := f.person(t, email)
					if err := f.auth.CreateAccount(ctx, kim.ID, ladder.AccountMember, goodPassword); err != nil {
						t.Fatal(err)
					}
				}
				f.at(0)
				for i := range ladder.MaxAccountFailures {
					_, err := f.auth.Authenticate(ctx, email, "wrong password", fmt.Sprintf("10.1.0.%d", i))
					wantCode(t, err, ladder.EUNAUTHORIZED)
				}
				f.at(ladder.ThrottleWindow - time.Second)
				_, err := f.auth.Authenticate(ctx, email, goodPassword, "10.1.1.1")
				wantCode(t, err, ladder.ETOOMANY)
				f.at(ladder.ThrottleWindow)
				_, err = f.auth.Authenticate(ctx, email, goodPassword, "10.1.1.1")
				if email == "kim@example.com" && err != nil {
					t.Fatalf("after the window: %v", err)
				} else if email != "kim@example.com" {
					wantCode(t, err, ladder.EUNAUTHORIZED)
				}
			})
		}
		t.Run("SuccessResetsAccount", func(t *testing.T) {
			f.at(time.Hour)
			for range 2 {
				for range ladder.MaxAccountFailures - 1 {
					_, err := f.auth.Authenticate(ctx, f.sam.Email, "wrong password", "10.2.0.1")
					wantCode(t, err, ladder.EUNAUTHORIZED)
				}
				if _, err := f.auth.Authenticate(ctx, f.sam.Email, goodPassword, "10.2.0.1"); err != nil {
					t.Fatal(err)
				}
			}
		})
		t.Run("ThrottleAddress", func(t *testing.T) {
			f.at(2 * time.Hour)
			// Fewer failures per email than the account limit, all from one
			// address. The success in the middle does not reset the count.
			const addr = "10.3.0.1"
			for i := range ladder.MaxAddressFailures {
				if i == ladder.MaxAddressFailures/2 {
					if _, err := f.auth.Authenticate(ctx, f.sam.Email, goodPassword, addr); err != nil {
						t.Fatal(err)
					}
				}
				_, err := f.auth.Authenticate(ctx, fmt.Sprintf("guess%d@example.com", i%5), "wrong password", addr)
				wantCode(t, err, ladder.EUNAUTHORIZED)
			}
			_, err := f.auth.Authenticate(ctx, f.sam.Email, goodPassword, addr)
			wantCode(t, err, ladder.ETOOMANY)
			if _, err := f.auth.Authenticate(ctx, f.sam.Email, goodPassword, "10.3.0.2"); err != nil {
				t.Fatalf("another address: %v", err)
			}
			f.at(2*time.Hour + ladder.ThrottleWindow + time.Second)
			if _, err := f.auth.Authenticate(ctx, f.sam.Email, goodPassword, addr); err != nil {
				t.Fatalf("after the window: %v", err)
			}
			if n := f.count(t, `SELECT COUNT(*) FROM auth_failures`); n != 0 {
				t.Errorf("%d expired failures not purged", n)
			}
		})
		t.Run("ErrTooLong", func(t *testing.T) {
			f.at(150 * time.Minute)
			_, err := f.auth.Authenticate(ctx, f.sam.Email, strings.Repeat("x", ladder.MaxPasswordBytes+1), "10.5.0.1")
			wantCode(t, err, ladder.EUNAUTHORIZED)
		})
		t.Run("RehashOldParameters", func(t *testing.T) {
			old, _ := password.HashWith(password.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}, goodPassword)
			db.SQL().Exec(`UPDATE accounts SET password_hash = $1 WHERE person_id = $2`, old, f.sam.ID)
			if _, err := f.auth.Authenticate(ctx, f.sam.Email, goodPassword, "10.5.0.2"); err != nil {
				t.Fatal(err)
			}
			var hash string
			db.SQL().QueryRow(`SELECT password_hash FROM accounts WHERE person_id = $1`, f.sam.ID).Scan(&hash)
			if password.NeedsRehash(hash) {
				t.Fatalf("not upgraded: %s", hash)
			}
			if _, err := f.auth.Authenticate(ctx, f.sam.Email, goodPassword, "10.5.0.2"); err != nil {
				t.Fatalf("after the upgrade: %v", err)
			}
		})
		t.Run("ThrottleConcurrent", func(t *testing.T) {
			// Parallel guesses cannot overtake the count: exactly the limit
			// get a password check.
			f.at(3 * time.Hour)
			codes := make([]string, 3*ladder.MaxAccountFailures)
			var wg sync.WaitGroup
			for i := range codes {
				wg.Go(func() {
					_, err := f.auth.Authenticate(ctx, f.sam.Email, "wrong password", fmt.Sprintf("10.4.0.%d", i))
					codes[i] = ladder.ErrorCode(err)
				})
			}
			wg.Wait()
			n := map[string]int{}
			for _, c := range codes {
				n[c]++
			}
			want := map[string]int{ladder.EUNAUTHORIZED: ladder.MaxAccountFailures, ladder.ETOOMANY: 2 * ladder.MaxAccountFailures}
			if diff := cmp.Diff(want, n); diff != "" {
				t.Fatalf("codes (-want +got):\n%s", diff)
			}
		})
	})
}

func TestSessions(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newAuthFixture(t, db)
		token, sess, err := f.auth.CreateSession(ctx, f.sam.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := &ladder.Session{PersonID: f.sam.ID, CreatedAt: f.t0, LastSeenAt: f.t0, ExpiresAt: f.t0.Add(ladder.SessionLifetime)}
		if diff := cmp.Diff(want, sess); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		if len(token) != 26 {
			t.Errorf("token %q: want crypto/rand.Text's 26 characters", token)
		}
		sum := sha256.Sum256([]byte(token))
		if n := f.count(t, `SELECT COUNT(*) FROM sessions WHERE token_hash = $1`, hex.EncodeToString(sum[:])); n != 1 {
			t.Error("the session is not stored under the token's SHA-256")
		}
		if n := f.count(t, `SELECT COUNT(*) FROM sessions WHERE token_hash LIKE $1`, "%"+token+"%"); n != 0 {
			t.Error("the token is stored in clear")
		}
		find := func(d time.Duration) (*ladder.Session, error) {
			t.Helper()
			f.at(d)
			s, p, err := f.auth.FindSession(ctx, token)
			if err == nil && p.ID != f.sam.ID {
				t.Fatalf("session of person %d", p.ID)
			}
			return s, err
		}

		t.Run("TouchAtMostOncePerMinute", func(t *testing.T) {
			if s, err := find(30 * time.Second); err != nil || !s.LastSeenAt.Equal(f.t0) {
				t.Fatalf("%v %+v", err, s)
			}
			var seen time.Time
			db.SQL().QueryRow(`SELECT last_seen_at FROM sessions`).Scan(&seen)
			if !seen.Equal(f.t0) {
				t.Fatalf("written within the minute: %v", seen)
			}
			s, err := find(2 * time.Minute)
			if err != nil || !s.LastSeenAt.Equal(f.t0.Add(2*time.Minute)) || !s.ExpiresAt.Equal(f.t0.Add(2*time.Minute+ladder.SessionLifetime)) {
				t.Fatalf("%v %+v", err, s)
			}
		})
		t.Run("Sliding", func(t *testing.T) {
			// Used every 29 days, a session outlives its first 30.
			for day := 29; day <= 87; day += 29 {
				if _, err := find(time.Duration(day) * 24 * time.Hour); err != nil {
					t.Fatalf("day %d: %v", day, err)
				}
			}
		})
		t.Run("ErrExpired", func(t *testing.T) {
			_, err := find(87*24*time.Hour + ladder.SessionLifetime)
			wantCode(t, err, ladder.ENOTFOUND)
			// Creating a session purges expired ones.
			if _, _, err := f.auth.CreateSession(ctx, f.sam.ID); err != nil {
				t.Fatal(err)
			}
			if n := f.count(t, `SELECT COUNT(*) FROM sessions`); n != 1 {
				t.Errorf("%d sessions, want the expired one purged", n)
			}
		})
		t.Run("ErrUnknown", func(t *testing.T) {
			for _, tok := range []string{"", "NOTATOKEN", strings.ToLower(token)} {
				_, _, err := f.auth.FindSession(ctx, tok)
				wantCode(t, err, ladder.ENOTFOUND)
			}
			_, _, err := f.auth.CreateSession(ctx, 9999)
			wantCode(t, err, ladder.ENOTFOUND)
		})
		t.Run("Delete", func(t *testing.T) {
			f.at(0)
			tok1, _, _ := f.auth.CreateSession(ctx, f.sam.ID)
			tok2, _, _ := f.auth.CreateSession(ctx, f.sam.ID)
			if err := f.auth.DeleteSession(ctx, tok1); err != nil {
				t.Fatal(err)
			}
			_, _, err := f.auth.FindSession(ctx, tok1)
			wantCode(t, err, ladder.ENOTFOUND)
			wantCode(t, f.auth.DeleteSession(ctx, tok1), ladder.ENOTFOUND)
			if _, _, err := f.auth.FindSession(ctx, tok2); err != nil {
				t.Fatalf("the other session: %v", err)
			}
			if err := f.auth.DeleteSessions(ctx, f.sam.ID); err != nil {
				t.Fatal(err)
			}
			_, _, err = f.auth.FindSession(ctx, tok2)
			wantCode(t, err, ladder.ENOTFOUND)
		})
	})
}

func TestSetPassword(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newAuthFixture(t, db)
		tok, _, _ := f.auth.CreateSession(ctx, f.sam.ID)
		alive := func() bool {
			_, _, err := f.auth.FindSession(ctx, tok)
			return err == nil
		}
		const newPassword = "a new and better one"

		t.Run("ErrWrongOld", func(t *testing.T) {
			wantCode(t, f.auth.SetPassword(ctx, f.sam.ID, "not the password", newPassword), ladder.EUNAUTHORIZED)
			if !alive() {
				t.Fatal("a refused change ended the session")
			}
		})
		t.Run("ErrWeakNew", func(t *testing.T) {
			wantCode(t, f.auth.SetPassword(ctx, f.sam.ID, goodPassword, "short"), ladder.EINVALID)
		})
		t.Run("ErrNoAccount", func(t *testing.T) {
			kim := f.person(t, "kim@example.com")
			wantCode(t, f.auth.SetPassword(ctx, kim.ID, goodPassword, newPassword), ladder.ENOTFOUND)
			wantCode(t, f.auth.ResetPassword(ctx, kim.ID, newPassword), ladder.ENOTFOUND)
		})
		t.Run("OKEndsSessions", func(t *testing.T) {
			if err := f.auth.SetPassword(ctx, f.sam.ID, goodPassword, newPassword); err != nil {
				t.Fatal(err)
			}
			if alive() {
				t.Fatal("the session survived a password change")
			}
			if _, err := f.auth.Authenticate(ctx, f.sam.Email, goodPassword, "a"); ladder.ErrorCode(err) != ladder.EUNAUTHORIZED {
				t.Fatalf("old password: %v", err)
			}
			if _, err := f.auth.Authenticate(ctx, f.sam.Email, newPassword, "a"); err != nil {
				t.Fatalf("new password: %v", err)
			}
		})
		t.Run("ErrThrottled", func(t *testing.T) {
			for range ladder.MaxAccountFailures {
				wantCode(t, f.auth.SetPassword(ctx, f.sam.ID, "a wrong guess", goodPassword), ladder.EUNAUTHORIZED)
			}
			wantCode(t, f.auth.SetPassword(ctx, f.sam.ID, newPassword, goodPassword), ladder.ETOOMANY)
			_, err := f.auth.Authenticate(ctx, f.sam.Email, newPassword, "b")
			wantCode(t, err, ladder.ETOOMANY)
		})
		t.Run("ResetLiftsThrottle", func(t *testing.T) {
			tok, _, _ = f.auth.CreateSession(ctx, f.sam.ID)
			if err := f.auth.ResetPassword(ctx, f.sam.ID, goodPassword); err != nil {
				t.Fatal(err)
			}
			if alive() {
				t.Fatal("the session survived a password reset")
			}
			if _, err := f.auth.Authenticate(ctx, f.sam.Email, goodPassword, "c"); err != nil {
				t.Fatal(err)
			}
		})
	})
}

func TestTokens(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newAuthFixture(t, db)
		kim := f.person(t, "kim@example.com")
		plain, tok, err := f.auth.CreateToken(ctx, f.sam.ID, " laptop ")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(plain, "ldr_") || len(plain) != 30 {
			t.Fatalf("token %q", plain)
		}
		want := &ladder.Token{ID: tok.ID, PersonID: f.sam.ID, Name: "laptop", Prefix: plain[:8], CreatedAt: f.t0}
		if diff := cmp.Diff(want, tok); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		if n := f.count(t, `SELECT COUNT(*) FROM api_tokens WHERE token_hash LIKE $1`, "%"+plain[4:]+"%"); n != 0 {
			t.Error("the token is stored in clear")
		}
		list, err := f.auth.FindTokens(ctx, f.sam.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]*ladder.Token{want}, list); diff != "" {
			t.Errorf("FindTokens (-want +got):\n%s", diff)
		}

		t.Run("Authenticate", func(t *testing.T) {
			lastUsed := func() time.Time {
				l, _ := f.auth.FindTokens(ctx, f.sam.ID)
				return l[0].LastUsedAt
			}
			for _, tc := range []struct {
				at, want time.Duration
			}{{0, 0}, {30 * time.Second, 0}, {2 * time.Minute, 2 * time.Minute}} {
				f.at(tc.at)
				p, err := f.auth.AuthenticateToken(ctx, plain)
				if err != nil || p.ID != f.sam.ID {
					t.Fatalf("%v %+v", err, p)
				}
				if got := lastUsed(); !got.Equal(f.t0.Add(tc.want)) {
					t.Errorf("at %v: last used %v, want t0+%v", tc.at, got, tc.want)
				}
			}
		})
		t.Run("ErrUnknown", func(t *testing.T) {
			for _, p := range []string{"", plain[4:], "ldr_" + strings.Repeat("A", 26), plain + "x"} {
				_, err := f.auth.AuthenticateToken(ctx, p)
				wantCode(t, err, ladder.EUNAUTHORIZED)
			}
		})
		t.Run("ErrNameRequired", func(t *testing.T) {
			_, _, err := f.auth.CreateToken(ctx, f.sam.ID, "  ")
			if e, ok := err.(*ladder.Error); !ok || e.Code != ladder.EINVALID || e.Fields["name"] == "" {
				t.Fatalf("got %#v", err)
			}
		})
		t.Run("ErrNameTaken", func(t *testing.T) {
			_, _, err := f.auth.CreateToken(ctx, f.sam.ID, "laptop")
			wantCode(t, err, ladder.ECONFLICT)
			if _, _, err := f.auth.CreateToken(ctx, kim.ID, "laptop"); err != nil {
				t.Fatalf("another person's token of the same name: %v", err)
			}
		})
		t.Run("ErrUnknownPerson", func(t *testing.T) {
			_, _, err := f.auth.CreateToken(ctx, 9999, "x")
			wantCode(t, err, ladder.ENOTFOUND)
		})
		t.Run("ErrOtherPersonsToken", func(t *testing.T) {
			wantCode(t, f.auth.DeleteToken(ctx, kim.ID, tok.ID), ladder.ENOTFOUND)
			if _, err := f.auth.AuthenticateToken(ctx, plain); err != nil {
				t.Fatalf("another person deleted the token: %v", err)
			}
		})
		t.Run("Delete", func(t *testing.T) {
			if err := f.auth.DeleteToken(ctx, f.sam.ID, tok.ID); err != nil {
				t.Fatal(err)
			}
			_, err := f.auth.AuthenticateToken(ctx, plain)
			wantCode(t, err, ladder.EUNAUTHORIZED)
			wantCode(t, f.auth.DeleteToken(ctx, f.sam.ID, tok.ID), ladder.ENOTFOUND)
			if l, err := f.auth.FindTokens(ctx, f.sam.ID); err != nil || len(l) != 0 {
				t.Fatalf("%v %v", err, l)
			}
		})
	})
}

func TestAccountDeleteCascades(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newAuthFixture(t, db)
		sess, _, _ := f.auth.CreateSession(ctx, f.sam.ID)
		plain, _, _ := f.auth.CreateToken(ctx, f.sam.ID, "ci")
		f.auth.Authenticate(ctx, f.sam.Email, "wrong password", "10.9.0.1")
		if err := f.persons.DeletePerson(ctx, f.sam.ID); err != nil {
			t.Fatal(err)
		}
		for _, table := range []string{"accounts", "sessions", "api_tokens"} {
			if n := f.count(t, `SELECT COUNT(*) FROM `+table); n != 0 {
				t.Errorf("%d rows left in %s", n, table)
			}
		}
		if n := f.count(t, `SELECT COUNT(*) FROM auth_failures WHERE scope = 'account'`); n != 0 {
			t.Errorf("%d failures of the deleted person left", n)
		}
		if _, _, err := f.auth.FindSession(ctx, sess); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("session: %v", err)
		}
		if _, err := f.auth.AuthenticateToken(ctx, plain); ladder.ErrorCode(err) != ladder.EUNAUTHORIZED {
			t.Errorf("token: %v", err)
		}
		if has, _ := f.auth.HasAccounts(ctx); has {
			t.Error("HasAccounts after the only account went")
		}
	})
}
