package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// Sign-in through the page: the right password starts a session with the
// cookie's flags; wrong ones get the same message whether or not the email
// exists; the sixth failure for an account is refused with 429 even with the
// right password.
func TestLoginThrottled(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		s, j, auth := newServer(t, db)
		f := newWebFixture(t, s, j, auth)
		login := func(email, password string) (int, string, *http.Response) {
			rec := f.do(request{method: "POST", path: "/login", form: url.Values{"email": {email}, "password": {password}}})
			return rec.Code, rec.Body.String(), rec.Result()
		}
		code, _, res := login(f.alice.Email, alicePassword)
		if code != http.StatusSeeOther {
			t.Fatalf("right password: %d", code)
		}
		var session *http.Cookie
		for _, c := range res.Cookies() {
			if c.Name == "ladder_session" {
				session = c
			}
		}
		if session == nil || !session.HttpOnly || session.SameSite != http.SameSiteLaxMode || session.Value == "" {
			t.Fatalf("session cookie %+v", session)
		}

		_, unknown, _ := login("nobody@example.com", "wrong password 1")
		_, wrong, _ := login(f.alice.Email, "wrong password 1")
		if msg := firstAlert(unknown); msg == "" || msg != firstAlert(wrong) {
			t.Errorf("unknown email and wrong password read differently: %q vs %q", firstAlert(unknown), firstAlert(wrong))
		}
		for i := 2; i <= 5; i++ {
			if code, _, _ := login(f.alice.Email, "wrong password 1"); code != http.StatusUnauthorized {
				t.Fatalf("failure %d: status %d, want 401", i, code)
			}
		}
		code, body, _ := login(f.alice.Email, alicePassword)
		if code != http.StatusTooManyRequests || !strings.Contains(body, "role=\"alert\"") {
			t.Fatalf("after 5 failures: status %d, want 429 with a message", code)
		}
	})
}

// firstAlert returns the text of the page's first role="alert" element.
func firstAlert(body string) string {
	i := strings.Index(body, `role="alert">`)
	if i < 0 {
		return ""
	}
	rest := body[i+len(`role="alert">`):]
	if j := strings.Index(rest, "<"); j >= 0 {
		return rest[:j]
	}
	return rest
}
