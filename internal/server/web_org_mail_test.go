package server

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/internal/httpx"
	"github.com/ladderhq/ladder/internal/mail"
	"github.com/ladderhq/ladder/internal/mail/mailtest"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// TestOrgInviteByMail invites through the web app with mail set up, reads
// the mail from a real SMTP server, follows its link as a visitor, sets a
// name and password, and lands signed in as a member.
func TestOrgInviteByMail(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		s, j, auth := newServer(t, db)
		sink := mailtest.Start(t)
		cfg, err := mail.ParseURL("smtp://" + sink.Addr + "?from=ladder@example.com&tls=none")
		if err != nil {
			t.Fatal(err)
		}
		f := newWebFixture(t, s, j, auth)
		j.Mail = mail.NewSMTP(cfg)
		rec := f.do(post("/org/invitations", "alice", form("email", "Joiner@Example.com", "role", "programme_admin")))
		if rec.Code != http.StatusSeeOther || !strings.Contains(orgFlash(rec), "mailed to joiner@example.com") {
			t.Fatalf("invite: %d %v\n%s", rec.Code, rec.Header(), rec.Body)
		}
		msgs := sink.Wait(t, 1)
		text := msgs[0].Text()
		link := regexp.MustCompile(`http://\S+/invite/\S+`).FindString(text)
		if msgs[0].To[0] != "joiner@example.com" || link == "" || !strings.Contains(text, "Alice invited you to join Northwind") {
			t.Fatalf("mail to %v:\n%s", msgs[0].To, text)
		}
		u, err := url.Parse(link)
		if err != nil {
			t.Fatal(err)
		}
		page := f.do(get(u.Path, ""))
		if page.Code != 200 || !strings.Contains(page.Body.String(), "as a programme admin") || !strings.Contains(page.Body.String(), "Create my account and join") {
			t.Fatalf("open link: %d\n%s", page.Code, page.Body)
		}
		rec = f.do(post(u.Path, "", form("name", "Jo Iner", "password", "a long enough password")))
		if rec.Code != http.StatusSeeOther {
			t.Fatalf("accept: %d\n%s", rec.Code, rec.Body)
		}
		var session *http.Cookie
		for _, c := range rec.Result().Cookies() {
			if c.Name == httpx.SessionCookie {
				session = c
			}
		}
		if session == nil {
			t.Fatal("not signed in after accepting")
		}
		r := httptest.NewRequest("GET", "/org/members", nil)
		r.AddCookie(session)
		out := httptest.NewRecorder()
		s.ServeHTTP(out, r)
		if out.Code != 200 || !strings.Contains(out.Body.String(), "Jo Iner") || !strings.Contains(out.Body.String(), "Programme admin") {
			t.Fatalf("members as the newcomer: %d\n%s", out.Code, out.Body)
		}
		if again := f.do(get(u.Path, "")); again.Code != 404 || !strings.Contains(again.Body.String(), "used already") {
			t.Errorf("the link works twice: %d", again.Code)
		}
	})
}

// orgFlash returns the flash message a response sets.
func orgFlash(rec *httptest.ResponseRecorder) string {
	for _, c := range rec.Result().Cookies() {
		if c.Name == httpx.FlashCookie {
			v, _ := url.QueryUnescape(c.Value)
			return v
		}
	}
	return ""
}
